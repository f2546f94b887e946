using ArCluster.Domain;
using ArCluster.Domain.Worklists;
using ArCluster.Persistence.Worklists;

namespace ArCluster.Persistence.Tests.Worklists;

/// <summary>
/// A claim or remittance re-states its open worklist items with every sync: items are raised once,
/// follow the source while the system owns them, and are never touched again once a user decided.
/// </summary>
public class WorklistStoreSyncTest
{
    private const string Riverside = WorklistStoreFixture.Riverside;
    private const string Claim = "claim:C1001";

    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April2 = new(2026, 4, 2, 6, 0, 0, TimeSpan.Zero);

    private static readonly WorklistEntry NoResponse = new(
        "C1001/noresponse/2026-03-01", WorklistKind.FollowUp, "C1001", "A1001", "87726", Money.Of(245.00m), "no response 30 days after billing", new DateOnly(2026, 3, 1), null);

    private static readonly WorklistEntry Denial = new(
        "C1001/denial/2026-04-02", WorklistKind.Denial, "C1001", "A1001", "87726", Money.Of(245.00m), "CO-50", new DateOnly(2026, 4, 2), new DateOnly(2026, 6, 1));

    [Fact]
    public async Task Syncing_twice_with_the_same_arguments_changes_nothing()
    {
        var (store, database) = await WorklistStoreFixture.CreateAsync("wl-idempotent");
        await store.SyncAsync(Riverside, Claim, [NoResponse, Denial], Keys(Denial), March1);
        var before = await WorklistStoreFixture.RowVersionsAsync(database);

        await store.SyncAsync(Riverside, Claim, [NoResponse, Denial], Keys(Denial), March1);
        await store.SyncAsync(Riverside, Claim, [NoResponse, Denial], Keys(Denial), April2);

        Assert.Equal(before, await WorklistStoreFixture.RowVersionsAsync(database));
        var items = await store.ListAsync(Riverside, new WorklistFilter(IncludeClosed: true));
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(March1, i.RaisedAt));
    }

    [Fact]
    public async Task An_entry_raised_but_not_open_is_kept_as_superseded_so_its_firing_is_recorded()
    {
        var (store, _) = await WorklistStoreFixture.CreateAsync("wl-superseded");

        await store.SyncAsync(Riverside, Claim, [NoResponse, Denial], Keys(Denial), March1);

        var noResponse = await ItemAsync(store, NoResponse.Key);
        Assert.Equal((WorklistItemState.Superseded, March1, "system"), (noResponse.State, noResponse.ResolvedAt, noResponse.ResolvedBy));
        Assert.Equal(WorklistItemState.Open, (await ItemAsync(store, Denial.Key)).State);
        Assert.Equal([Denial.Key], (await store.ListAsync(Riverside, new WorklistFilter())).Select(i => i.Key));
    }

    [Fact]
    public async Task A_claim_paid_off_leaves_every_list_its_items_cleared_by_the_system()
    {
        var (store, _) = await WorklistStoreFixture.CreateAsync("wl-cleared");
        await store.SyncAsync(Riverside, Claim, [NoResponse, Denial], Keys(NoResponse, Denial), March1);

        await store.SyncAsync(Riverside, Claim, [], Keys(), April2);

        Assert.Empty(await store.ListAsync(Riverside, new WorklistFilter()));
        foreach (var key in Keys(NoResponse, Denial))
        {
            var item = await ItemAsync(store, key);
            Assert.Equal((WorklistItemState.Cleared, April2, "system"), (item.State, item.ResolvedAt, item.ResolvedBy));
        }
    }

    [Fact]
    public async Task A_sync_touches_only_its_own_scope()
    {
        var (store, _) = await WorklistStoreFixture.CreateAsync("wl-scopes");
        var unapplied = new WorklistEntry("remittance/87726/TRN1/unapplied/4", WorklistKind.UnappliedPayment, null, null, "87726", Money.Of(80.00m), "claim not on file", new DateOnly(2026, 3, 2), null);
        await store.SyncAsync(Riverside, "remittance:87726/TRN1", [unapplied], Keys(unapplied), March1);
        await store.SyncAsync(Riverside, Claim, [Denial], Keys(Denial), March1);

        await store.SyncAsync(Riverside, Claim, [], Keys(), April2);
        await store.SyncAsync("lakeside", Claim, [], Keys(), April2);

        Assert.Equal([unapplied.Key], (await store.ListAsync(Riverside, new WorklistFilter())).Select(i => i.Key));
        Assert.Equal("remittance:87726/TRN1", (await ItemAsync(store, unapplied.Key)).Scope);
    }

    [Fact]
    public async Task An_item_the_system_closed_is_reopened_when_its_source_names_it_again()
    {
        var (store, _) = await WorklistStoreFixture.CreateAsync("wl-reopen");
        await store.SyncAsync(Riverside, Claim, [NoResponse, Denial], Keys(Denial), March1);
        await store.SyncAsync(Riverside, Claim, [], Keys(), March1.AddDays(3));

        // A reversal reopens the claim: both the superseded and the cleared item are live again.
        var escalated = Denial with { Amount = Money.Of(200.00m), Escalated = true };
        await store.SyncAsync(Riverside, Claim, [escalated], Keys(NoResponse, Denial), April2);

        var denial = await ItemAsync(store, Denial.Key);
        Assert.Equal((WorklistItemState.Open, (DateTimeOffset?)null, (string?)null), (denial.State, denial.ResolvedAt, denial.ResolvedBy));
        Assert.Equal((Money.Of(200.00m), true, March1), (denial.Amount, denial.Escalated, denial.RaisedAt));
        Assert.Equal(WorklistItemState.Open, (await ItemAsync(store, NoResponse.Key)).State);
    }

    [Fact]
    public async Task Open_items_take_the_amount_deadline_reason_and_escalation_the_source_raises_now()
    {
        var (store, _) = await WorklistStoreFixture.CreateAsync("wl-refresh");
        await store.SyncAsync(Riverside, Claim, [Denial], Keys(Denial), March1);

        var changed = Denial with { Amount = Money.Of(120.50m), Reason = "CO-197", Deadline = new DateOnly(2026, 5, 15), Escalated = true, Detail = "second look" };
        await store.SyncAsync(Riverside, Claim, [changed], Keys(Denial), April2);

        var item = await ItemAsync(store, Denial.Key);
        Assert.Equal(
            (Money.Of(120.50m), "CO-197", (DateOnly?)new DateOnly(2026, 5, 15), true, "second look", March1),
            (item.Amount, item.Reason, item.Deadline, item.Escalated, item.Detail, item.RaisedAt));
    }

    [Theory]
    [InlineData(WorklistAction.Appeal, WorklistItemState.Appealed)]
    [InlineData(WorklistAction.MarkForCorrection, WorklistItemState.Corrected)]
    [InlineData(WorklistAction.WriteOff, WorklistItemState.WrittenOff)]
    [InlineData(WorklistAction.Resolve, WorklistItemState.Resolved)]
    public async Task An_item_a_user_closed_is_never_reopened_or_changed_by_a_sync(WorklistAction action, WorklistItemState closed)
    {
        var (store, database) = await WorklistStoreFixture.CreateAsync("wl-user-final");
        await store.SyncAsync(Riverside, Claim, [Denial], Keys(Denial), March1);
        await store.RecordActionAsync(Riverside, new WorklistActionRecord("act-1", Denial.Key, action, "maria", March1.AddDays(1), "done", null, null, null));
        var decided = await ItemAsync(store, Denial.Key);
        var versions = await WorklistStoreFixture.RowVersionsAsync(database);

        await store.SyncAsync(Riverside, Claim, [Denial with { Amount = Money.Of(1.00m), Escalated = true }], Keys(Denial), April2);
        await store.SyncAsync(Riverside, Claim, [], Keys(), April2);

        Assert.Equal(closed, decided.State);
        Assert.Equal(decided, await ItemAsync(store, Denial.Key));
        Assert.Equal(versions, await WorklistStoreFixture.RowVersionsAsync(database));
    }

    [Fact]
    public async Task Concurrent_syncs_of_one_scope_leave_one_item_per_key_and_agree_at_the_end()
    {
        var (store, _) = await WorklistStoreFixture.CreateAsync("wl-concurrent");
        var entries = Enumerable.Range(1, 20)
            .Select(i => NoResponse with { Key = $"C1001/aging/{i}", Amount = Money.Of(i) })
            .ToArray();

        for (var round = 0; round < 5; round++)
        {
            // Each task states a different open set; whichever runs last decides what stays open.
            await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
                store.SyncAsync(Riverside, Claim, entries, Keys([.. entries.Where((_, i) => (i + t + round) % 3 != 0)]), March1.AddDays(round)))));
        }

        var all = await store.ListAsync(Riverside, new WorklistFilter(IncludeClosed: true));
        Assert.Equal(entries.Select(e => e.Key).Order(StringComparer.Ordinal), all.Select(i => i.Key).Order(StringComparer.Ordinal));
        await store.SyncAsync(Riverside, Claim, entries, Keys(entries[0], entries[1]), April2);
        Assert.Equal(Keys(entries[0], entries[1]), (await store.ListAsync(Riverside, new WorklistFilter())).Select(i => i.Key).ToHashSet());
    }

    private static async Task<StoredWorklistItem> ItemAsync(WorklistStore store, string key) =>
        (await store.ItemAsync(Riverside, key))?.Item ?? throw new Xunit.Sdk.XunitException($"no item {key}");

    private static HashSet<string> Keys(params WorklistEntry[] entries) => entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
}
