using ArCluster.Persistence.LocalServer;
using Npgsql;

namespace ArCluster.Testing;

/// <summary>
/// The PostgreSQL tests run against: the server named by ARCLUSTER_TEST_CONNECTION_STRING, or else a
/// throwaway local server started once per test process (same mechanism as the silo's embedded
/// default) and deleted when the process exits. Every test class gets its own fresh database.
/// </summary>
public static class TestPostgres
{
    public const string ConnectionStringVariable = "ARCLUSTER_TEST_CONNECTION_STRING";

    private const string FolderPrefix = "arcluster-test-pg-";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static LocalPostgresServer? _local;

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var serverConnection = await Server.Value;
        var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(serverConnection) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        DeleteAbandonedServers();
        var root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Guid.NewGuid():N}");
        _local = await LocalPostgresServer.StartAsync(new LocalPostgresOptions(root) { DeleteOnStop = true, Database = "postgres", MaxConnections = 1500 });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _local.StopAsync().GetAwaiter().GetResult();
        return _local.ConnectionString;
    }

    /// <summary>
    /// Test hosts can be torn down before their exit handler finishes deleting the server folder;
    /// folders of servers that are no longer running are removed by the next run.
    /// </summary>
    private static void DeleteAbandonedServers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var abandoned = !File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
                && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-10);
            if (abandoned)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another test process is cleaning up the same folder.
                }
            }
        }
    }

    private static string Sanitize(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
}
