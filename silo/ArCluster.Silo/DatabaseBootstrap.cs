using ArCluster.Persistence.Connectivity;
using ArCluster.Persistence.LocalServer;
using ArCluster.Persistence.Schema;

namespace ArCluster.Silo;

/// <summary>
/// Gets the silo a migrated database before Orleans starts: the configured one, or an embedded
/// local server when none is configured. Fails fast with a message that says what to fix.
/// </summary>
internal static class DatabaseBootstrap
{
    public const string ConnectionStringVariable = "ARCLUSTER_CONNECTION_STRING";
    public const string LocalDirectoryVariable = "ARCLUSTER_LOCAL_PG_DIR";

    /// <summary>Where arctl and other local tools look for the embedded database's connection string.</summary>
    public const string ConnectionStringFileName = "connection-string";

    public static async Task<(string ConnectionString, LocalPostgresServer? LocalServer)> PrepareAsync(
        IConfiguration configuration, SiloSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = configuration.GetConnectionString("ArCluster")
            ?? Environment.GetEnvironmentVariable(ConnectionStringVariable);
        LocalPostgresServer? local = null;
        var connectionString = configured;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var chosen = Environment.GetEnvironmentVariable(LocalDirectoryVariable);
            var directory = Path.GetFullPath(chosen ?? settings.LocalDatabaseDirectory);
            local = await LocalPostgresServer.StartAsync(
                new LocalPostgresOptions(directory)
                {
                    PreferredPort = 55432,
                    // Only the default location falls back; a folder the operator chose is used or refused.
                    FallbackRootDirectory = chosen is null ? SharedFallbackFor(directory) : null,
                },
                cancellationToken);
            connectionString = local.ConnectionString;
            var connectionFile = await RecordForLocalClientsAsync(directory, connectionString, cancellationToken);
            logger.LogInformation(
                "No connection string configured: started the embedded PostgreSQL in {Directory} on 127.0.0.1:{Port} (connection string for arctl in {File})",
                local.RootDirectory, local.Port, connectionFile);
        }

        try
        {
            var target = PostgresConnection.Describe(PostgresConnection.Parse(connectionString));
            var applied = await new SchemaMigrator(connectionString, logger).MigrateAsync(cancellationToken);
            logger.LogInformation("Database {Database} is at schema version {Version} ({Applied} scripts applied now)",
                target, SchemaScript.All[^1].Version, applied.Count);
            return (connectionString, local);
        }
        catch
        {
            if (local is not null)
            {
                await local.StopAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// A folder the postgres user can reach, stable for one checkout, for when the checkout itself
    /// sits under a private folder.
    /// </summary>
    private static string SharedFallbackFor(string directory)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(directory)))[..12];
        return Path.Combine("/var/tmp", "arcluster", hash, "postgres");
    }

    private static async Task<string> RecordForLocalClientsAsync(string directory, string connectionString, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, ConnectionStringFileName);
        await File.WriteAllTextAsync(file, connectionString, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // Holds the database password: readable by the owner only.
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return file;
    }
}
