namespace EnvGis.Core.Security;

/// <summary>
/// A signed-in account with what its unit was granted: the single source of the caller's
/// <see cref="ReadScope"/> and <see cref="WriteScope"/>.
/// </summary>
public sealed record Account(
    long Id,
    string UserName,
    Role Role,
    Unit Unit,
    bool ClientCanWrite,
    string? HolderName,
    UnitScope Scope)
{
    public bool IsAdministrator => Role == Role.Administrator;

    /// <summary>Clients write only when granted; every other role writes within its unit's scope.</summary>
    public bool CanWrite => Role != Role.Client || ClientCanWrite;

    public ReadScope ReadScope => IsAdministrator
        ? ReadScope.Everything
        : ReadScope.ForUnit(Unit.Code, Scope.Layers, Scope.Area);

    public WriteScope WriteScope => new(this);
}
