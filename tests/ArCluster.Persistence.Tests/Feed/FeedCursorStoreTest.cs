using ArCluster.Persistence.Feed;
using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Persistence.Tests.Feed;

/// <summary>Where the feed publisher starts again after a restart.</summary>
public class FeedCursorStoreTest
{
    [Fact]
    public async Task A_feed_never_saved_starts_from_the_beginning()
    {
        await using var source = NpgsqlDataSource.Create(await MigratedAsync("cursor-new"));

        Assert.Equal(FeedCursor.Start, await new FeedCursorStore(source).LoadAsync("ledger"));
    }

    [Fact]
    public async Task A_saved_cursor_is_loaded_back_and_a_later_save_replaces_it()
    {
        await using var source = NpgsqlDataSource.Create(await MigratedAsync("cursor-save"));
        var store = new FeedCursorStore(source);

        await store.SaveAsync("ledger", new FeedCursor(812, 40));
        Assert.Equal(new FeedCursor(812, 40), await store.LoadAsync("ledger"));

        // Transaction ids are 64-bit and pass 2^32 on a busy server within months.
        var far = new FeedCursor(5_000_000_000UL, 9_000_000_000L);
        await store.SaveAsync("ledger", far);
        Assert.Equal(far, await store.LoadAsync("ledger"));
    }

    [Fact]
    public async Task Each_feed_keeps_its_own_cursor()
    {
        await using var source = NpgsqlDataSource.Create(await MigratedAsync("cursor-feeds"));
        var store = new FeedCursorStore(source);

        await store.SaveAsync("ledger", new FeedCursor(900, 12));
        await store.SaveAsync("ledger-replay", new FeedCursor(700, 3));

        Assert.Equal(new FeedCursor(900, 12), await store.LoadAsync("ledger"));
        Assert.Equal(new FeedCursor(700, 3), await store.LoadAsync("ledger-replay"));
        Assert.Equal(FeedCursor.Start, await store.LoadAsync("aging"));
    }

    [Fact]
    public void Cursors_order_by_transaction_first_and_position_second()
    {
        var earlierTransactionHigherPosition = new FeedCursor(100, 50);
        var laterTransactionLowerPosition = new FeedCursor(101, 49);

        Assert.True(earlierTransactionHigherPosition < laterTransactionLowerPosition);
        Assert.True(new FeedCursor(100, 49) < earlierTransactionHigherPosition);
        Assert.True(FeedCursor.Start < new FeedCursor(0, 1));
        Assert.Equal(laterTransactionLowerPosition, FeedCursor.Max(earlierTransactionHigherPosition, laterTransactionLowerPosition));
        Assert.Equal("100/50", earlierTransactionHigherPosition.ToString());
    }

    private static async Task<string> MigratedAsync(string purpose)
    {
        var database = await TestPostgres.CreateDatabaseAsync(purpose);
        await new SchemaMigrator(database).MigrateAsync();
        return database;
    }
}
