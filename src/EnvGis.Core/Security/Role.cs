namespace EnvGis.Core.Security;

/// <summary>What an account may do (issue 4): one role per account.</summary>
public enum Role
{
    /// <summary>The Department's one full-rights account (Art. 4.1).</summary>
    Administrator,

    /// <summary>Enters and updates its unit's data within the unit's scope.</summary>
    Editor,

    /// <summary>The commune chairman or a city unit's lead: approves, rejects and publishes the unit's records (Art. 7.2).</summary>
    Approver,

    /// <summary>An enterprise submitting its own environmental reports (Art. 2.3).</summary>
    Reporter,

    /// <summary>A machine-to-machine connection account (Art. 4.2a), read-only or read-write as granted.</summary>
    Client,
}
