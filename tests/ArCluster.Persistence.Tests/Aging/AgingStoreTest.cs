using ArCluster.Domain;
using ArCluster.Domain.Aging;
using ArCluster.Domain.Ledger;
using ArCluster.Persistence.Aging;
using ArCluster.Persistence.Feed;
using ArCluster.Persistence.Reconciliation;
using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Persistence.Tests.Aging;

/// <summary>
/// Open claim balances are stored with the feed mark they count up to, in one transaction, only by
/// the copy holding the current mark; claims paid to zero leave the table; a reset starts over.
/// </summary>
public class AgingStoreTest
{
    private const string Riverside = "riverside";
    private const string Lakeside = "lakeside";

    private static readonly DateOnly Visit = new(2026, 3, 2);
    private static readonly FeedCursor First = new(900, 10);
    private static readonly FeedCursor Second = new(905, 8);
    private static readonly FeedCursor Third = new(911, 30);

    [Fact]
    public async Task Saved_claims_credits_and_mark_load_back_and_a_claim_paid_to_zero_leaves_the_table()
    {
        var store = await StoreAsync("aging-roundtrip");
        var c1 = Claim("C1", 100.00m, 0m, 20.00m, secondaryPayer: "SKCA0");
        var c2 = Claim("C2", 45.10m, 0m, 0m, secondaryPayer: null);

        await store.SaveAsync(Riverside, FeedCursor.Start, First, new AgingChanges([c1, c2], [new("A9", Money.Of(-30.00m))]));
        var first = await store.LoadAsync(Riverside);
        await store.SaveAsync(Riverside, First, Second, new AgingChanges([c1 with { Balances = PartyBalances.Zero }, c2 with { Balances = c2.Balances with { Patient = Money.Of(5m) } }], [new("A9", Money.Zero)]));
        var second = await store.LoadAsync(Riverside);

        Assert.Equal(First, first.Mark);
        Assert.Equal([c1, c2], first.Claims.OrderBy(c => c.ClaimId, StringComparer.Ordinal));
        Assert.Equal(new KeyValuePair<string, Money>("A9", Money.Of(-30.00m)), Assert.Single(first.Credits));
        Assert.Equal(Second, second.Mark);
        Assert.Equal(Money.Of(5m), Assert.Single(second.Claims).Balances.Patient);
        Assert.Empty(second.Credits);
        Assert.Equal(1L, await TestSql.ScalarAsync(store.Database, "SELECT count(*) FROM arcluster_ar_open_claim"));
    }

    [Fact]
    public async Task A_copy_quoting_a_mark_that_has_moved_is_refused_and_changes_nothing()
    {
        var store = await StoreAsync("aging-stale");
        await store.SaveAsync(Riverside, FeedCursor.Start, First, new AgingChanges([Claim("C1", 10m, 0m, 0m)], []));
        await store.SaveAsync(Riverside, First, Second, new AgingChanges([Claim("C1", 15m, 0m, 0m)], []));

        var stale = await Assert.ThrowsAsync<StaleMarkException>(() => store.SaveAsync(Riverside, First, Third, new AgingChanges([Claim("C1", 999m, 0m, 0m)], [])));
        await Assert.ThrowsAsync<StaleMarkException>(() => store.SaveAsync(Riverside, FeedCursor.Start, Third, new AgingChanges([Claim("C2", 1m, 0m, 0m)], [])));

        Assert.Contains("aging", stale.Message, StringComparison.Ordinal);
        var after = await store.LoadAsync(Riverside);
        Assert.Equal((Second, Money.Of(15m)), (after.Mark, Assert.Single(after.Claims).Balances.Primary));
    }

    [Fact]
    public async Task The_aging_mark_is_its_own_apart_from_reconciliations()
    {
        var store = await StoreAsync("aging-own-mark");
        var reconciliation = new ReconciliationStore(store.Source);
        await reconciliation.SaveAsync(Riverside, FeedCursor.Start, Third, []);

        await store.SaveAsync(Riverside, FeedCursor.Start, First, AgingChanges.None);

        Assert.Equal(First, (await store.LoadAsync(Riverside)).Mark);
        Assert.Equal(Third, (await reconciliation.LoadAsync(Riverside)).Mark);
    }

    [Fact]
    public async Task A_reset_forgets_one_practices_claims_credits_and_mark()
    {
        var store = await StoreAsync("aging-reset");
        await store.SaveAsync(Riverside, FeedCursor.Start, First, new AgingChanges([Claim("C1", 10m, 0m, 0m)], [new("A1", Money.Of(-1m))]));
        await store.SaveAsync(Lakeside, FeedCursor.Start, Second, new AgingChanges([Claim("C1", 7m, 0m, 0m)], []));

        await store.ResetAsync(Riverside);

        var riverside = await store.LoadAsync(Riverside);
        Assert.Equal(FeedCursor.Start, riverside.Mark);
        Assert.Empty(riverside.Claims);
        Assert.Empty(riverside.Credits);
        Assert.Equal((Second, Money.Of(7m)), ((await store.LoadAsync(Lakeside)).Mark, Assert.Single((await store.LoadAsync(Lakeside)).Claims).Balances.Primary));
        await store.SaveAsync(Riverside, FeedCursor.Start, Third, AgingChanges.None);
    }

    private static ClaimBalance Claim(string id, decimal primary, decimal secondary, decimal patient, string? secondaryPayer = null) =>
        new(id, "A1", Visit, Visit.AddDays(3), "87726", secondaryPayer, new PartyBalances(Money.Of(primary), Money.Of(secondary), Money.Of(patient)));

    private static async Task<TestStore> StoreAsync(string purpose)
    {
        var database = await TestPostgres.CreateDatabaseAsync(purpose);
        await new SchemaMigrator(database).MigrateAsync();
        return new TestStore(database, NpgsqlDataSource.Create(database));
    }

    private sealed class TestStore(string database, NpgsqlDataSource source)
    {
        private readonly AgingStore _store = new(source);

        public string Database => database;

        public NpgsqlDataSource Source => source;

        public Task<StoredAging> LoadAsync(string practice) => _store.LoadAsync(practice);

        public Task SaveAsync(string practice, FeedCursor expected, FeedCursor through, AgingChanges changes) => _store.SaveAsync(practice, expected, through, changes);

        public Task ResetAsync(string practice) => _store.ResetAsync(practice);
    }
}
