using ArCluster.Persistence.LocalServer;
using ArCluster.Persistence.Schema;
using Npgsql;

namespace ArCluster.Benchmarks;

/// <summary>
/// Where benchmark databases are created: the server given, or a throwaway local server with
/// PostgreSQL's default durability, started once so every figure of a run shares one server.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly LocalPostgresServer? _local;

    private BenchServer(string connectionString, LocalPostgresServer? local)
    {
        ConnectionString = connectionString;
        _local = local;
    }

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether this run started the server (so its databases are ours to drop).</summary>
    public bool IsThrowaway => _local is not null;

    public static async Task<BenchServer> StartAsync(string? connection)
    {
        LocalPostgresServer? local = null;
        if (connection is null)
        {
            var root = Path.Combine(Path.GetTempPath(), $"arcluster-bench-pg-{Guid.NewGuid():N}");
            local = await LocalPostgresServer.StartAsync(new LocalPostgresOptions(root) { DeleteOnStop = true, Database = "postgres" });
            connection = local.ConnectionString;
        }

        // Only a server on this machine can be measured; a pid on another host means nothing here.
        var host = new NpgsqlConnectionStringBuilder(connection).Host ?? "localhost";
        if (host is "localhost" or "127.0.0.1" or "::1" || host.StartsWith('/'))
        {
            await using var probe = new NpgsqlConnection(connection);
            await probe.OpenAsync();
            await using var backend = new NpgsqlCommand("SELECT pg_backend_pid()", probe);
            CpuSample.WatchPostgres((int)(await backend.ExecuteScalarAsync())!);
        }

        return new BenchServer(connection, local);
    }

    /// <summary>A fresh, migrated database on this server.</summary>
    public async Task<BenchDatabase> CreateDatabaseAsync()
    {
        var name = $"bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, MaxPoolSize = 200 }.ConnectionString;
        await new SchemaMigrator(database).MigrateAsync();
        return new BenchDatabase(this, name, database);
    }

    /// <summary>The server as the figures depend on it: its version, then the settings that decide what a commit costs.</summary>
    public async Task<string> DescribeAsync()
    {
        var (version, durability) = await SettingsAsync();
        return $"{version}; {durability}";
    }

    /// <summary>The server's version, and its durability and memory settings (read the same way from a remote server).</summary>
    public async Task<(string Version, string Durability)> SettingsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 'PostgreSQL ' || current_setting('server_version'), 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') " +
            "|| ', full_page_writes=' || current_setting('full_page_writes') || ', wal_sync_method=' || current_setting('wal_sync_method') " +
            "|| ', commit_delay=' || current_setting('commit_delay') || ', shared_buffers=' || current_setting('shared_buffers')",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetString(1));
    }

    internal async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.StopAsync();
        }
    }
}

/// <summary>A fresh, migrated database of one figure. On a throwaway server it is dropped when done, so later figures share the server with no leftover work (autovacuum).</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly BenchServer _server;
    private readonly string _name;

    internal BenchDatabase(BenchServer server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The same database with at most <paramref name="connections"/> connections per pool.</summary>
    public string WithPool(int connections) => new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = connections }.ConnectionString;

    /// <summary>The database's name on its server, unique to this run.</summary>
    public string Name => _name;

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
        if (_server.IsThrowaway)
        {
            await _server.DropAsync(_name);
        }
    }
}
