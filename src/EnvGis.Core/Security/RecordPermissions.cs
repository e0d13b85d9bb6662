using EnvGis.Core.Records;

namespace EnvGis.Core.Security;

/// <summary>
/// Who may do what to a record (Art. 7, 9.2, 10), as pure rules; the records API and WFS-T both
/// ask here through the record store. The spatial part (is the geometry within the unit's area) is
/// checked by the store against the commune polygons.
/// <list type="bullet">
/// <item>A caller writes only layers granted to its unit, only records its unit owns (the administrator: all).</item>
/// <item>Drafts, submitted and rejected records are edited by the owner unit's writers; approved and
/// published ones only by whoever may approve them, and by the administrator.</item>
/// <item>Approving, rejecting and publishing: the owner unit's approver, or its editors when a city unit
/// self-approves. A commune's records are approved by that commune's approver only (Art. 7.2a); the
/// administrator approves the other units' records and publishes any approved record.</item>
/// </list>
/// </summary>
public static class RecordPermissions
{
    /// <summary>Whether <paramref name="actor"/> may approve (and reject) records owned by <paramref name="owner"/>.</summary>
    public static bool MayApprove(WriteScope actor, Unit owner)
    {
        if (!actor.CanWrite)
        {
            return false;
        }

        if (actor.IsAdministrator)
        {
            return owner.Kind != UnitKind.Commune;
        }

        return actor.Unit.Code == owner.Code
            && (actor.Role == Role.Approver || (actor.Role == Role.Editor && owner.SelfApprove && owner.Kind.IsCityLevel()));
    }

    /// <summary>Whether <paramref name="actor"/> may publish approved records owned by <paramref name="owner"/>.</summary>
    public static bool MayPublish(WriteScope actor, Unit owner) =>
        (actor.IsAdministrator && actor.CanWrite) || MayApprove(actor, owner);

    /// <summary>The refusal of creating a record in <paramref name="layer"/>, or null when allowed.</summary>
    public static RecordException? CheckCreate(WriteScope actor, string layer) => LayerRefusal(actor, layer);

    /// <summary>
    /// The refusal of <paramref name="action"/> on a record of <paramref name="layer"/> owned by
    /// <paramref name="owner"/> in <paramref name="status"/>, or null when allowed.
    /// </summary>
    public static RecordException? Check(WriteScope actor, RecordAction action, string layer, Unit owner, string status)
    {
        if (LayerRefusal(actor, layer) is { } refusal)
        {
            return refusal;
        }

        if (!actor.IsAdministrator && actor.Unit.Code != owner.Code)
        {
            return RecordException.Forbidden($"The record belongs to unit '{owner.Code}'; unit '{actor.Unit.Code}' may change only its own records.");
        }

        if (action != RecordAction.Restore && Workflow.Next(status, action) is null)
        {
            return RecordException.Conflict(Workflow.Explain(status, action));
        }

        switch (action)
        {
            case RecordAction.Approve or RecordAction.Reject when !MayApprove(actor, owner):
                return RecordException.Forbidden(ApprovalRefusal(actor, owner));
            case RecordAction.Publish when !MayPublish(actor, owner):
                return RecordException.Forbidden(ApprovalRefusal(actor, owner).Replace("approve", "publish", StringComparison.Ordinal));
            case RecordAction.Update or RecordAction.Archive or RecordAction.Restore
                when Workflow.IsReviewed(status) && !MayApprove(actor, owner) && !actor.IsAdministrator:
                return RecordException.Forbidden(
                    $"The record is {status}; only whoever may approve unit '{owner.Code}' records may change it.");
            default:
                return null;
        }
    }

    /// <summary>Throws the refusal of <see cref="Check"/>, if any.</summary>
    public static void Demand(WriteScope actor, RecordAction action, string layer, Unit owner, string status)
    {
        if (Check(actor, action, layer, owner, status) is { } refusal)
        {
            throw refusal;
        }
    }

    private static RecordException? LayerRefusal(WriteScope actor, string layer)
    {
        if (!actor.CanWrite)
        {
            return RecordException.Forbidden($"The account '{actor.UserName}' may read but not write.");
        }

        return actor.MayEdit(layer)
            ? null
            : RecordException.Forbidden($"Unit '{actor.Unit.Code}' may not edit layer '{layer}'; the administrator grants layers per unit.");
    }

    private static string ApprovalRefusal(WriteScope actor, Unit owner) => owner.Kind == UnitKind.Commune
        ? $"Records of commune unit '{owner.Code}' are approved by that commune's approver (its chairman) only."
        : $"Only an approver of unit '{owner.Code}'{(owner.SelfApprove ? " or its editors" : "")} or the administrator may approve its records; '{actor.UserName}' is {actor.Role.Name()}.";
}
