using ArCluster.Persistence.LocalServer;
using Npgsql;

namespace ArCluster.Persistence.Tests.LocalServer;

public class LocalPostgresServerTest
{
    [Fact]
    public async Task Data_written_to_the_embedded_server_survives_a_restart_in_the_same_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), $"arcluster-embedded-{Guid.NewGuid():N}");
        try
        {
            await using (var first = await LocalPostgresServer.StartAsync(new LocalPostgresOptions(root)))
            {
                await ExecuteAsync(first.ConnectionString, "CREATE TABLE survived (amount numeric(12,2)); INSERT INTO survived VALUES (125.40)");
            }

            await using var second = await LocalPostgresServer.StartAsync(new LocalPostgresOptions(root));
            Assert.Equal(125.40m, await ExecuteAsync(second.ConnectionString, "SELECT amount FROM survived"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
