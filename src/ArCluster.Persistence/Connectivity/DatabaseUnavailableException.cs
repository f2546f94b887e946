namespace ArCluster.Persistence.Connectivity;

/// <summary>
/// The configured PostgreSQL cannot be used. The message says what is wrong and what to change;
/// it names the server, database and user but never the password.
/// </summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);
