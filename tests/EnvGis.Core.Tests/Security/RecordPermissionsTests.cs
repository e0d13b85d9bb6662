using EnvGis.Core.Records;
using EnvGis.Core.Security;

namespace EnvGis.Core.Tests.Security;

public sealed class RecordPermissionsTests
{
    private const string Layer = "polluted_zones";
    private static readonly Unit Commune = new("xa-hp001", UnitKind.Commune, "HP001", false);
    private static readonly Unit OtherCommune = new("xa-hp002", UnitKind.Commune, "HP002", false);
    private static readonly Unit SelfApproving = new("so-xay-dung", UnitKind.CityDepartment, null, true);
    private static readonly Unit NotSelfApproving = new("so-y-te", UnitKind.CityDepartment, null, false);
    private static readonly Unit Department = new("so-nnmt", UnitKind.Department, null, true);
    private static readonly Unit Enterprise = new("dn-thep-hai-long", UnitKind.Enterprise, "HP003", false);
    private static readonly Unit Connection = new("ket-noi-bo-nnmt", UnitKind.Client, null, false);

    private static WriteScope Actor(Role role, Unit unit, bool clientCanWrite = false, params string[] layers) =>
        new(new Account(1, "u", role, unit, clientCanWrite, "Holder",
            new UnitScope((layers.Length == 0 ? [Layer] : layers).ToHashSet(), SpatialScope.DefaultFor(unit))));

    private static WriteScope Administrator => new(new Account(0, "admin", Role.Administrator, Department, false, null, UnitScope.None));

    [Fact]
    public void A_commune_record_is_approved_only_by_that_communes_approver()
    {
        Assert.True(RecordPermissions.MayApprove(Actor(Role.Approver, Commune), Commune));
        Assert.False(RecordPermissions.MayApprove(Actor(Role.Editor, Commune), Commune));
        Assert.False(RecordPermissions.MayApprove(Actor(Role.Approver, OtherCommune), Commune));
        Assert.False(RecordPermissions.MayApprove(Administrator, Commune));
        var refusal = RecordPermissions.Check(Administrator, RecordAction.Approve, Layer, Commune, RecordStatus.Submitted);
        Assert.Equal(RecordErrorKind.Forbidden, refusal!.Kind);
        Assert.Contains("chairman", refusal.Message);
        Assert.Null(RecordPermissions.Check(Actor(Role.Approver, Commune), RecordAction.Approve, Layer, Commune, RecordStatus.Submitted));
    }

    [Fact]
    public void The_administrator_publishes_an_approved_commune_record_but_never_approves_it() =>
        Assert.Null(RecordPermissions.Check(Administrator, RecordAction.Publish, Layer, Commune, RecordStatus.Approved));

    [Fact]
    public void City_units_that_self_approve_let_their_editors_approve()
    {
        Assert.True(RecordPermissions.MayApprove(Actor(Role.Editor, SelfApproving), SelfApproving));
        Assert.False(RecordPermissions.MayApprove(Actor(Role.Editor, NotSelfApproving), NotSelfApproving));
        Assert.True(RecordPermissions.MayApprove(Actor(Role.Approver, NotSelfApproving), NotSelfApproving));
        Assert.True(RecordPermissions.MayApprove(Administrator, NotSelfApproving));
    }

    [Fact]
    public void Reporters_and_clients_never_approve()
    {
        Assert.False(RecordPermissions.MayApprove(Actor(Role.Reporter, Enterprise), Enterprise));
        Assert.False(RecordPermissions.MayApprove(Actor(Role.Client, Connection, clientCanWrite: true), Connection));
        Assert.Null(RecordPermissions.Check(Actor(Role.Reporter, Enterprise), RecordAction.Submit, Layer, Enterprise, RecordStatus.Draft));
    }

    [Fact]
    public void A_read_only_client_writes_nothing_and_a_read_write_one_edits_its_layers()
    {
        var readOnly = Actor(Role.Client, Connection);
        Assert.Equal(RecordErrorKind.Forbidden, RecordPermissions.CheckCreate(readOnly, Layer)!.Kind);
        Assert.Null(RecordPermissions.CheckCreate(Actor(Role.Client, Connection, clientCanWrite: true), Layer));
    }

    [Fact]
    public void Units_edit_only_their_granted_layers_and_their_own_records()
    {
        var editor = Actor(Role.Editor, Commune);
        Assert.Contains("may not edit layer", RecordPermissions.CheckCreate(editor, "rivers")!.Message);
        Assert.Contains("belongs to unit", RecordPermissions.Check(editor, RecordAction.Update, Layer, OtherCommune, RecordStatus.Draft)!.Message);
        Assert.Null(RecordPermissions.Check(editor, RecordAction.Update, Layer, Commune, RecordStatus.Draft));
        Assert.Null(RecordPermissions.Check(Administrator, RecordAction.Update, "rivers", OtherCommune, RecordStatus.Draft));
    }

    [Theory]
    [InlineData(RecordStatus.Published, RecordAction.Update)]
    [InlineData(RecordStatus.Approved, RecordAction.Update)]
    [InlineData(RecordStatus.Published, RecordAction.Archive)]
    [InlineData(RecordStatus.Published, RecordAction.Restore)]
    public void Reviewed_records_change_only_with_the_right_to_approve(string status, RecordAction action)
    {
        Assert.Equal(RecordErrorKind.Forbidden, RecordPermissions.Check(Actor(Role.Editor, Commune), action, Layer, Commune, status)!.Kind);
        Assert.Equal(RecordErrorKind.Forbidden, RecordPermissions.Check(Actor(Role.Reporter, Enterprise), action, Layer, Enterprise, status)!.Kind);
        Assert.Null(RecordPermissions.Check(Actor(Role.Approver, Commune), action, Layer, Commune, status));
        Assert.Null(RecordPermissions.Check(Actor(Role.Editor, SelfApproving), action, Layer, SelfApproving, status));
        Assert.Null(RecordPermissions.Check(Administrator, action, Layer, Commune, status));
    }

    [Fact]
    public void Workflow_refusals_are_conflicts()
    {
        var refusal = RecordPermissions.Check(Actor(Role.Approver, Commune), RecordAction.Publish, Layer, Commune, RecordStatus.Draft);
        Assert.Equal(RecordErrorKind.Conflict, refusal!.Kind);
        Assert.Throws<RecordException>(() =>
            RecordPermissions.Demand(Actor(Role.Approver, Commune), RecordAction.Archive, Layer, Commune, RecordStatus.Archived));
    }
}
