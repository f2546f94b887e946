using System.Net.Sockets;
using Npgsql;

namespace ArCluster.Persistence.Connectivity;

/// <summary>
/// Opens connections and turns every way that can fail into a <see cref="DatabaseUnavailableException"/>
/// naming what to fix, so a misconfigured silo stops at once with one clear line instead of retrying
/// inside Orleans for minutes.
/// </summary>
public static class PostgresConnection
{
    public const string ConfigurationHint =
        "Set ConnectionStrings:ArCluster (or ARCLUSTER_CONNECTION_STRING), or leave both unset to use the embedded local PostgreSQL.";

    public static NpgsqlConnectionStringBuilder Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new DatabaseUnavailableException($"No PostgreSQL connection string was given. {ConfigurationHint}");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new DatabaseUnavailableException(
                    $"The PostgreSQL connection string names no Host. Example: Host=127.0.0.1;Port=5432;Database=arcluster;Username=arcluster;Password=... {ConfigurationHint}");
            }

            return builder;
        }
        catch (ArgumentException e)
        {
            throw new DatabaseUnavailableException(
                $"The PostgreSQL connection string is not valid: {e.Message} Example: Host=127.0.0.1;Port=5432;Database=arcluster;Username=arcluster;Password=... {ConfigurationHint}", e);
        }
    }

    /// <summary>"host:port, database 'x', user 'y'" — safe to print and log.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"{builder.Host}:{builder.Port}, database '{builder.Database ?? builder.Username}', user '{builder.Username}'";

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var builder = Parse(connectionString);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or SocketException)
        {
            await connection.DisposeAsync();
            throw Explain(builder, e);
        }
    }

    private static DatabaseUnavailableException Explain(NpgsqlConnectionStringBuilder builder, Exception error)
    {
        var where = Describe(builder);
        var socket = FindInner<SocketException>(error);
        var message = (error as PostgresException)?.SqlState switch
        {
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                $"PostgreSQL at {where} refused the login: {((PostgresException)error).MessageText}. Check Username and Password in the connection string.",
            PostgresErrorCodes.InvalidCatalogName =>
                $"PostgreSQL at {where}: the database does not exist. Create it (createdb {builder.Database}) or point Database= at an existing one.",
            PostgresErrorCodes.TooManyConnections =>
                $"PostgreSQL at {where} has no free connection slots. Raise max_connections or lower Maximum Pool Size.",
            _ when socket is not null =>
                $"Cannot reach PostgreSQL at {where}: {socket.SocketErrorCode} ({socket.Message}). Check Host and Port and that the server is running and accepts TCP connections.",
            _ when FindInner<TimeoutException>(error) is not null =>
                $"PostgreSQL at {where} did not answer within {builder.Timeout} s. Check Host and Port, firewalls, and that the server is running.",
            _ => $"Cannot use PostgreSQL at {where}: {error.Message}",
        };
        return new DatabaseUnavailableException($"{message} {ConfigurationHint}", error);
    }

    private static T? FindInner<T>(Exception? error)
        where T : Exception
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }
}
