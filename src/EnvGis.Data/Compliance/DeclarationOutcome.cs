namespace EnvGis.Data.Compliance;

/// <summary>What became of a "no change this month" declaration.</summary>
public enum DeclarationOutcome
{
    Declared,

    /// <summary>The unit already declared this month.</summary>
    AlreadyDeclared,

    /// <summary>The unit changed records this month: it cannot declare that nothing changed.</summary>
    AlreadyUpdated,
}
