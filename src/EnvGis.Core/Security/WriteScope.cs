namespace EnvGis.Core.Security;

/// <summary>
/// What a caller may change, used by every write path (records API, WFS-T) through
/// <see cref="RecordPermissions"/>: the layers and the area of its unit, its role and unit.
/// The administrator edits every layer everywhere.
/// </summary>
public sealed class WriteScope(Account account)
{
    public Account Account { get; } = account;

    public long UserId => Account.Id;

    public string UserName => Account.UserName;

    public Role Role => Account.Role;

    public Unit Unit => Account.Unit;

    public bool IsAdministrator => Account.IsAdministrator;

    /// <summary>Null when the unit may work nowhere.</summary>
    public SpatialScope? Area => IsAdministrator ? SpatialScope.Everywhere : Account.Scope.Area;

    public bool CanWrite => Account.CanWrite;

    /// <summary>Whether the caller may write records of <paramref name="layer"/> at all.</summary>
    public bool MayEdit(string layer) => CanWrite && (IsAdministrator || Account.Scope.Layers.Contains(layer));

    /// <summary>Layers the caller may edit among <paramref name="layers"/>.</summary>
    public IEnumerable<string> EditableAmong(IEnumerable<string> layers) => layers.Where(MayEdit);
}
