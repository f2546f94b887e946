using ArCluster.Persistence.Schema;
using ArCluster.Persistence.Worklists;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Persistence.Tests.Worklists;

/// <summary>A worklist store on a fresh, migrated database.</summary>
internal static class WorklistStoreFixture
{
    public const string Riverside = "riverside";

    public static async Task<(WorklistStore Store, string Database)> CreateAsync(string purpose)
    {
        var database = await TestPostgres.CreateDatabaseAsync(purpose);
        await new SchemaMigrator(database).MigrateAsync();
        return (new WorklistStore(NpgsqlDataSource.Create(database)), database);
    }

    /// <summary>Every item row's physical version: any write to a row, even of the same values, changes it.</summary>
    public static async Task<string> RowVersionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(string_agg(item_key || '@' || xmin::text || ctid::text, ',' ORDER BY item_key), '') FROM arcluster_worklist_item", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
