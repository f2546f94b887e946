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

    public static async Task<(string ConnectionString, LocalPostgresServer? LocalServer)> PrepareAsync(
        IConfiguration configuration, SiloSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = configuration.GetConnectionString("ArCluster")
            ?? Environment.GetEnvironmentVariable(ConnectionStringVariable);
        LocalPostgresServer? local = null;
        var connectionString = configured;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var directory = Environment.GetEnvironmentVariable(LocalDirectoryVariable) ?? settings.LocalDatabaseDirectory;
            local = await LocalPostgresServer.StartAsync(new LocalPostgresOptions(directory) { PreferredPort = 55432 }, cancellationToken);
            connectionString = local.ConnectionString;
            logger.LogInformation(
                "No connection string configured: started the embedded PostgreSQL in {Directory} on 127.0.0.1:{Port} (connection string in {File})",
                local.RootDirectory, local.Port, Path.Combine(local.RootDirectory, LocalPostgresServer.ConnectionStringFileName));
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
}
