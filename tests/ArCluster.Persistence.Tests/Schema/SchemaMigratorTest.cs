using ArCluster.Persistence.Schema;
using ArCluster.Testing;

namespace ArCluster.Persistence.Tests.Schema;

public class SchemaMigratorTest
{
    [Fact]
    public async Task A_new_database_gets_every_script_once_and_a_second_run_changes_nothing()
    {
        var database = await TestPostgres.CreateDatabaseAsync("migrate-twice");

        var first = await new SchemaMigrator(database).MigrateAsync();
        var second = await new SchemaMigrator(database).MigrateAsync();

        Assert.Equal(SchemaScript.All.Select(s => s.Version), first.Select(s => s.Version));
        Assert.Empty(second);
        Assert.Equal(SchemaScript.All.Count, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_schema_history"));
    }

    [Fact]
    public async Task Silos_migrating_the_same_database_at_the_same_moment_apply_each_script_exactly_once()
    {
        var database = await TestPostgres.CreateDatabaseAsync("migrate-concurrent");

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new SchemaMigrator(database).MigrateAsync())));

        Assert.Equal(SchemaScript.All.Count, runs.Sum(r => r.Count));
        Assert.Equal(SchemaScript.All.Count, await TestSql.ScalarAsync(database, "SELECT count(DISTINCT version) FROM arcluster_schema_history"));
        Assert.Equal(SchemaScript.All.Count, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_schema_history"));
    }

    [Fact]
    public async Task The_clustering_provider_finds_every_query_key_it_requires()
    {
        var database = await TestPostgres.CreateDatabaseAsync("query-keys");
        await new SchemaMigrator(database).MigrateAsync();

        string[] required =
        [
            "UpdateIAmAlivetimeKey", "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
            "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
            "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        foreach (var key in required)
        {
            Assert.Equal(1, await TestSql.ScalarAsync(database, $"SELECT count(*) FROM orleansquery WHERE querykey = '{key}'"));
        }
    }

    [Fact]
    public async Task A_script_edited_after_it_was_applied_is_refused()
    {
        var database = await TestPostgres.CreateDatabaseAsync("edited-script");
        await new SchemaMigrator(database).MigrateAsync();
        await TestSql.ScalarAsync(database, "UPDATE arcluster_schema_history SET checksum = 'tampered' WHERE version = 2 RETURNING 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(database).MigrateAsync());

        Assert.Contains("0002_orleans_clustering.sql differs", error.Message, StringComparison.Ordinal);
        Assert.Contains("new script", error.Message, StringComparison.Ordinal);
    }
}
