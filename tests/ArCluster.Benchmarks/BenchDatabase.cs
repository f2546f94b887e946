using ArCluster.Persistence.LocalServer;
using ArCluster.Persistence.Schema;
using Npgsql;

namespace ArCluster.Benchmarks;

/// <summary>A fresh, migrated database: on the server given, or on a throwaway local server with default durability.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly LocalPostgresServer? _server;

    private BenchDatabase(string connectionString, LocalPostgresServer? server)
    {
        ConnectionString = connectionString;
        _server = server;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string? serverConnection)
    {
        LocalPostgresServer? server = null;
        if (serverConnection is null)
        {
            var root = Path.Combine(Path.GetTempPath(), $"arcluster-bench-pg-{Guid.NewGuid():N}");
            server = await LocalPostgresServer.StartAsync(new LocalPostgresOptions(root) { DeleteOnStop = true, Database = "postgres" });
            serverConnection = server.ConnectionString;
        }

        var name = $"bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name, MaxPoolSize = 200 }.ConnectionString;
        await new SchemaMigrator(database).MigrateAsync();
        return new BenchDatabase(database, server);
    }

    public async Task<string> ScalarTextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>Bytes of WAL written so far on the server: the durability cost of whatever ran in between.</summary>
    public async Task<long> WalPositionAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }
}
