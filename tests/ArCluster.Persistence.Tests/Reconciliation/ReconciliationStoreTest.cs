using ArCluster.Domain;
using ArCluster.Domain.Reconciliation;
using ArCluster.Persistence.Feed;
using ArCluster.Persistence.Reconciliation;
using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Persistence.Tests.Reconciliation;

/// <summary>
/// Reconciliation totals are stored with the feed mark they count up to, in one transaction, and
/// only by the copy that holds the current mark: a redelivered or duplicated batch can never be
/// counted twice, and a stale copy changes nothing.
/// </summary>
public class ReconciliationStoreTest
{
    private const string Riverside = "riverside";
    private const string Lakeside = "lakeside";
    private const string Medicare = "00431";

    private static readonly DateOnly Monday = new(2025, 3, 17);
    private static readonly TotalKey Charges = new(Monday, TotalCategory.Charges, "", "");
    private static readonly TotalKey Payments = new(Monday, TotalCategory.PayerPayments, Medicare, "");
    private static readonly TotalKey WriteOffs = new(Monday, TotalCategory.Adjustments, Medicare, "CO");
    private static readonly TotalKey FridayDeposits = new(Monday.AddDays(4), TotalCategory.Deposits, "", "");

    private static readonly FeedCursor First = new(900, 10);
    private static readonly FeedCursor Second = new(905, 8);
    private static readonly FeedCursor Third = new(911, 30);

    [Fact]
    public async Task A_practice_never_saved_has_no_lines_and_counts_from_the_start()
    {
        var store = await StoreAsync("recon-empty");

        var stored = await store.LoadAsync(Riverside);

        Assert.Equal(FeedCursor.Start, stored.Mark);
        Assert.Empty(stored.Lines);
    }

    [Fact]
    public async Task Saved_lines_and_mark_load_back_and_a_later_save_changes_only_the_lines_it_names()
    {
        var store = await StoreAsync("recon-roundtrip");

        await store.SaveAsync(Riverside, FeedCursor.Start, First, [Line(Charges, 1250.00m), Line(Payments, 980.40m), Line(FridayDeposits, 980.40m)]);
        var first = await store.LoadAsync(Riverside);
        await store.SaveAsync(Riverside, First, Second, [Line(Payments, 1000.00m), Line(WriteOffs, -12.35m)]);
        var second = await store.LoadAsync(Riverside);

        Assert.Equal(First, first.Mark);
        Assert.Equal(Sorted([Line(Charges, 1250.00m), Line(Payments, 980.40m), Line(FridayDeposits, 980.40m)]), Sorted(first.Lines));
        Assert.Equal(Second, second.Mark);
        Assert.Equal(Sorted([Line(Charges, 1250.00m), Line(Payments, 1000.00m), Line(WriteOffs, -12.35m), Line(FridayDeposits, 980.40m)]), Sorted(second.Lines));
    }

    [Fact]
    public async Task A_save_that_only_moves_the_mark_keeps_every_line()
    {
        var store = await StoreAsync("recon-mark-only");
        await store.SaveAsync(Riverside, FeedCursor.Start, First, [Line(Charges, 100m)]);

        await store.SaveAsync(Riverside, First, Second, []);

        var stored = await store.LoadAsync(Riverside);
        Assert.Equal((Second, Line(Charges, 100m)), (stored.Mark, Assert.Single(stored.Lines)));
    }

    [Fact]
    public async Task Loading_a_range_of_days_returns_only_those_lines_with_the_mark()
    {
        var store = await StoreAsync("recon-range");
        await store.SaveAsync(Riverside, FeedCursor.Start, First, [Line(Charges, 100m), Line(FridayDeposits, 80m)]);

        var monday = await store.LoadAsync(Riverside, Monday, Monday);
        var friday = await store.LoadAsync(Riverside, Monday.AddDays(1), Monday.AddDays(4));

        Assert.Equal((First, Line(Charges, 100m)), (monday.Mark, Assert.Single(monday.Lines)));
        Assert.Equal(Line(FridayDeposits, 80m), Assert.Single(friday.Lines));
    }

    [Fact]
    public async Task A_copy_quoting_a_mark_that_has_moved_is_refused_and_changes_neither_mark_nor_lines()
    {
        var store = await StoreAsync("recon-stale");
        await store.SaveAsync(Riverside, FeedCursor.Start, First, [Line(Charges, 100m)]);
        await store.SaveAsync(Riverside, First, Second, [Line(Charges, 150m)]);
        var before = await store.LoadAsync(Riverside);

        var stale = await Assert.ThrowsAsync<StaleMarkException>(() =>
            store.SaveAsync(Riverside, First, Third, [Line(Charges, 999m), Line(Payments, 50m)]));
        var fromStart = await Assert.ThrowsAsync<StaleMarkException>(() =>
            store.SaveAsync(Riverside, FeedCursor.Start, Third, [Line(Charges, 1m), Line(WriteOffs, 2m)]));
        var fromTheFuture = await Assert.ThrowsAsync<StaleMarkException>(() =>
            store.SaveAsync(Riverside, Third, new FeedCursor(999, 1), [Line(Charges, 3m)]));

        Assert.Contains("riverside", stale.Message, StringComparison.Ordinal);
        var after = await store.LoadAsync(Riverside);
        Assert.Equal(Second, after.Mark);
        Assert.Equal(Sorted(before.Lines), Sorted(after.Lines));
        Assert.Equal(Line(Charges, 150m), Assert.Single(after.Lines));
        Assert.NotNull(fromStart);
        Assert.NotNull(fromTheFuture);
    }

    [Fact]
    public async Task Of_copies_racing_from_the_start_exactly_one_stores_its_totals()
    {
        var store = await StoreAsync("recon-race-start");

        await RaceAsync(store, FeedCursor.Start, copies: 8, round: 0);
    }

    [Fact]
    public async Task Of_copies_racing_from_the_same_mark_exactly_one_stores_its_totals_every_time()
    {
        var store = await StoreAsync("recon-race");
        await store.SaveAsync(Riverside, FeedCursor.Start, First, [Line(Charges, 1m)]);

        var mark = First;
        for (var round = 1; round <= 20; round++)
        {
            mark = await RaceAsync(store, mark, copies: 4, round);
        }
    }

    [Fact]
    public async Task A_reset_forgets_the_lines_and_the_mark_so_counting_starts_again()
    {
        var store = await StoreAsync("recon-reset");
        await store.SaveAsync(Riverside, FeedCursor.Start, First, [Line(Charges, 100m), Line(Payments, 60m)]);
        await store.SaveAsync(Lakeside, FeedCursor.Start, Second, [Line(Charges, 40m)]);

        await store.ResetAsync(Riverside);

        var riverside = await store.LoadAsync(Riverside);
        Assert.Equal(FeedCursor.Start, riverside.Mark);
        Assert.Empty(riverside.Lines);
        var lakeside = await store.LoadAsync(Lakeside);
        Assert.Equal((Second, Line(Charges, 40m)), (lakeside.Mark, Assert.Single(lakeside.Lines)));

        await Assert.ThrowsAsync<StaleMarkException>(() => store.SaveAsync(Riverside, First, Third, [Line(Charges, 5m)]));
        await store.SaveAsync(Riverside, FeedCursor.Start, Third, [Line(Charges, 100m)]);
        Assert.Equal((Third, Line(Charges, 100m)), ((await store.LoadAsync(Riverside)).Mark, Assert.Single((await store.LoadAsync(Riverside)).Lines)));
    }

    [Fact]
    public async Task Each_practice_has_its_own_mark_and_lines()
    {
        var store = await StoreAsync("recon-practices");

        await store.SaveAsync(Riverside, FeedCursor.Start, First, [Line(Charges, 100m)]);
        await store.SaveAsync(Lakeside, FeedCursor.Start, Third, [Line(Charges, 7m)]);
        await store.SaveAsync(Riverside, First, Second, [Line(Charges, 110m)]);

        Assert.Equal((Second, Line(Charges, 110m)), await MarkAndOnlyLineAsync(store, Riverside));
        Assert.Equal((Third, Line(Charges, 7m)), await MarkAndOnlyLineAsync(store, Lakeside));
    }

    /// <summary>
    /// The mark and the lines are read from one snapshot: with a snapshot each, a save committing
    /// between them would give lines counting postings the mark does not cover, so a Verify would
    /// report differences that are not there and a copy applying the feed on top would double-count.
    /// Here the second read is held back by a table lock while another copy moves the mark and a line.
    /// </summary>
    [Fact]
    public async Task The_mark_and_lines_loaded_together_come_from_the_same_moment()
    {
        var database = await TestPostgres.CreateDatabaseAsync("recon-load-snapshot");
        await new SchemaMigrator(database).MigrateAsync();
        await using var source = NpgsqlDataSource.Create(database);
        var store = new ReconciliationStore(source);
        await store.SaveAsync(Riverside, FeedCursor.Start, First, [Line(Charges, 100m)]);

        await using var other = new NpgsqlConnection(database);
        await other.OpenAsync();
        await using var moving = await other.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand(
            """
            LOCK TABLE arcluster_reconciliation_total IN ACCESS EXCLUSIVE MODE;
            UPDATE arcluster_ledger_feed_mark SET transaction_id = '905'::xid8, position = 8 WHERE practice_id = 'riverside';
            UPDATE arcluster_reconciliation_total SET amount = 150.00 WHERE practice_id = 'riverside';
            """,
            other,
            moving))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var loading = store.LoadAsync(Riverside);
        await Eventually.ValueAsync(
            () => TestSql.ScalarAsync(database, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM arcluster_reconciliation_total%'"),
            waiting => waiting > 0 || loading.IsCompleted);
        await moving.CommitAsync();
        var loaded = await loading;

        var line = Assert.Single(loaded.Lines);
        Assert.True(
            (loaded.Mark, line.Value) == (First, Money.Of(100m)) || (loaded.Mark, line.Value) == (Second, Money.Of(150m)),
            $"mark {loaded.Mark} was loaded with the line of another moment: {line.Value}");
    }

    /// <summary>Several copies of one practice's reconciliation save from <paramref name="from"/> at once; returns the winner's mark.</summary>
    private static async Task<FeedCursor> RaceAsync(ReconciliationStore store, FeedCursor from, int copies, int round)
    {
        var marks = Enumerable.Range(1, copies).Select(c => new FeedCursor(from.TransactionId + (ulong)c, c)).ToArray();
        var outcomes = await Task.WhenAll(marks.Select((mark, c) => Task.Run(async () =>
        {
            try
            {
                await store.SaveAsync(Riverside, from, mark, [Line(Charges, 1000m * round + c), Line(Payments, 10m * round + c)]);
                return (Copy: c, Won: true);
            }
            catch (StaleMarkException)
            {
                return (Copy: c, Won: false);
            }
        })));

        var winner = Assert.Single(outcomes, o => o.Won).Copy;
        var stored = await store.LoadAsync(Riverside);
        Assert.Equal(marks[winner], stored.Mark);
        Assert.Equal(Sorted([Line(Charges, 1000m * round + winner), Line(Payments, 10m * round + winner)]), Sorted(stored.Lines));
        return stored.Mark;
    }

    private static async Task<(FeedCursor, KeyValuePair<TotalKey, Money>)> MarkAndOnlyLineAsync(ReconciliationStore store, string practice)
    {
        var stored = await store.LoadAsync(practice);
        return (stored.Mark, Assert.Single(stored.Lines));
    }

    private static KeyValuePair<TotalKey, Money> Line(TotalKey key, decimal amount) => new(key, Money.Of(amount));

    private static List<KeyValuePair<TotalKey, Money>> Sorted(IEnumerable<KeyValuePair<TotalKey, Money>> lines) =>
        [.. lines.OrderBy(l => l.Key.Day).ThenBy(l => l.Key.Category).ThenBy(l => l.Key.Payer, StringComparer.Ordinal).ThenBy(l => l.Key.Detail, StringComparer.Ordinal)];

    private static async Task<ReconciliationStore> StoreAsync(string purpose)
    {
        var database = await TestPostgres.CreateDatabaseAsync(purpose);
        await new SchemaMigrator(database).MigrateAsync();
        return new ReconciliationStore(NpgsqlDataSource.Create(database));
    }
}
