using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Persistence.Tests.Schema;

/// <summary>
/// Runs the grain-state statements exactly as the Orleans ADO.NET provider does (same keys, same
/// parameter names and types) to pin down the guarantees our schema adds over the upstream one.
/// </summary>
public class GrainStateStatementsTest
{
    [Fact]
    public async Task Two_activations_creating_the_same_state_at_once_cannot_both_win()
    {
        var database = await MigratedAsync("state-create-race");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => WriteAsync(database, "claim/1", etag: null))));

        Assert.Equal(1, results.Count(r => r == 1));
        Assert.Equal(7, results.Count(r => r is null));
        Assert.Equal(1L, await TestSql.ScalarAsync(database, "SELECT count(*) FROM orleans_grain_state"));
    }

    [Fact]
    public async Task A_stale_etag_cannot_overwrite_newer_state()
    {
        var database = await MigratedAsync("state-stale");
        Assert.Equal(1, await WriteAsync(database, "practice-a", etag: null));
        Assert.Equal(2, await WriteAsync(database, "practice-a", etag: 1));

        Assert.Null(await WriteAsync(database, "practice-a", etag: 1));
    }

    [Fact]
    public async Task The_stored_version_keeps_counting_past_the_32_bit_etag()
    {
        var database = await MigratedAsync("state-version");
        Assert.Equal(1, await WriteAsync(database, "account-1", etag: null));
        await TestSql.ScalarAsync(database, "UPDATE orleans_grain_state SET version = 2147483646 RETURNING 1");

        Assert.Equal(0, await WriteAsync(database, "account-1", etag: 2147483646));
        Assert.Equal(1, await WriteAsync(database, "account-1", etag: 0));
        Assert.Equal(2147483648L, await TestSql.ScalarAsync(database, "SELECT version FROM orleans_grain_state"));
    }

    private static async Task<string> MigratedAsync(string purpose)
    {
        var database = await TestPostgres.CreateDatabaseAsync(purpose);
        await new SchemaMigrator(database).MigrateAsync();
        return database;
    }

    private static async Task<int?> WriteAsync(string connectionString, string key, int? etag)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var write = await TestSql.OrleansQueryAsync(connection, "WriteToStorageKey");
        write.Parameters.AddWithValue("GrainIdHash", 17);
        write.Parameters.AddWithValue("GrainIdN0", 0L);
        write.Parameters.AddWithValue("GrainIdN1", 0L);
        write.Parameters.AddWithValue("GrainTypeHash", 42);
        write.Parameters.AddWithValue("GrainTypeString", "claim");
        write.Parameters.AddWithValue("GrainIdExtensionString", key);
        write.Parameters.AddWithValue("ServiceId", "test");
        write.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)etag ?? DBNull.Value });
        write.Parameters.AddWithValue("PayloadBinary", new byte[] { 1, 2, 3 });
        var result = await write.ExecuteScalarAsync();
        return result is DBNull or null ? null : (int)result;
    }
}
