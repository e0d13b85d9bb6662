namespace EnvGis.Data.Embedded;

/// <summary>The embedded PostgreSQL cluster could not be created or started; the message says what to do.</summary>
public sealed class EmbeddedClusterException(string message) : Exception(message);
