using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Worklists;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Cluster.Tests.Hosting;

/// <summary>A database failure reaches the caller as ArCluster's own error, not as a codec failure.</summary>
public class DatabaseErrorTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task A_grain_call_that_fails_in_the_database_answers_with_the_sqlstate_and_works_again_once_the_database_does()
    {
        await cluster.Grains.GetGrain<Abstractions.Practices.IPracticeGrain>("dberror").Register(SamplePractices.Family("dberror"));
        var lists = cluster.Grains.GetGrain<IWorklistGrain>("dberror");
        Assert.Empty((await lists.List(new WorklistQuery())).Items);

        await ExecuteAsync("ALTER TABLE arcluster_worklist_item RENAME TO arcluster_worklist_item_away");
        try
        {
            var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => lists.List(new WorklistQuery()));
            Assert.Contains("42P01", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE arcluster_worklist_item_away RENAME TO arcluster_worklist_item");
        }

        Assert.Empty((await lists.List(new WorklistQuery())).Items);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
