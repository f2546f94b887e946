namespace ArCluster.Persistence.LocalServer;

/// <summary>The embedded PostgreSQL could not be set up or started; the message says what to do.</summary>
public sealed class LocalPostgresException(string message, Exception? inner = null) : Exception(message, inner);
