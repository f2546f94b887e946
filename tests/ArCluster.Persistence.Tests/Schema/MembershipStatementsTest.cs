using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Persistence.Tests.Schema;

/// <summary>The membership statements, run as the Orleans clustering provider runs them.</summary>
public class MembershipStatementsTest
{
    [Fact]
    public async Task Silos_joining_on_the_same_table_version_cannot_both_succeed()
    {
        var database = await TestPostgres.CreateDatabaseAsync("membership-race");
        await new SchemaMigrator(database).MigrateAsync();
        Assert.True(await RunAsync(database, "InsertMembershipVersionKey", p => p.AddWithValue("DeploymentId", "c1")));

        var joined = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => RunAsync(database, "InsertMembershipKey", p =>
        {
            p.AddWithValue("DeploymentId", "c1");
            p.AddWithValue("Address", "127.0.0.1");
            p.AddWithValue("Port", 11111 + i);
            p.AddWithValue("Generation", 1);
            p.AddWithValue("SiloName", $"silo-{i}");
            p.AddWithValue("HostName", "host");
            p.AddWithValue("Status", 3);
            p.AddWithValue("ProxyPort", 30000 + i);
            p.AddWithValue("StartTime", DateTime.UtcNow);
            p.AddWithValue("IAmAliveTime", DateTime.UtcNow);
            p.AddWithValue("Version", 0);
        }))));

        Assert.Equal(1, joined.Count(j => j));
    }

    private static async Task<bool> RunAsync(string connectionString, string key, Action<NpgsqlParameterCollection> bind)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = await TestSql.OrleansQueryAsync(connection, key);
        bind(command.Parameters);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
