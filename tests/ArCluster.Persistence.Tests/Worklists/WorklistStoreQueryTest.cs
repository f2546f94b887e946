using ArCluster.Domain;
using ArCluster.Domain.Worklists;
using ArCluster.Persistence.Worklists;

namespace ArCluster.Persistence.Tests.Worklists;

/// <summary>The lists billers work from: most urgent first, filtered by kind, payer and assignee, and summed for supervisors.</summary>
public class WorklistStoreQueryTest
{
    private const string Riverside = WorklistStoreFixture.Riverside;
    private const string Aetna = "60054";
    private const string Medicare = "00431";

    private static readonly DateTimeOffset Now = new(2026, 4, 10, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Escalated_items_come_first_then_the_nearest_deadline_or_due_date()
    {
        var store = await StoreAsync("wl-order");

        var keys = (await store.ListAsync(Riverside, new WorklistFilter())).Select(i => i.Key);

        Assert.Equal(["C3/denial", "C1/denial", "C4/noresponse", "C2/denial", "C2/underpaid"], keys);
    }

    [Fact]
    public async Task Lists_narrow_by_kind_and_payer_and_show_closed_items_only_when_asked()
    {
        var store = await StoreAsync("wl-filter");
        await store.RecordActionAsync(Riverside, new WorklistActionRecord("a1", "C2/denial", WorklistAction.Resolve, "maria", Now, "paid on resubmission", null, null, null));

        var denials = await store.ListAsync(Riverside, new WorklistFilter(Kind: WorklistKind.Denial));
        var aetnaDenials = await store.ListAsync(Riverside, new WorklistFilter(Kind: WorklistKind.Denial, PayerId: Aetna));
        var withClosed = await store.ListAsync(Riverside, new WorklistFilter(Kind: WorklistKind.Denial, IncludeClosed: true));

        Assert.Equal(["C3/denial", "C1/denial"], denials.Select(i => i.Key));
        Assert.Equal(["C3/denial"], aetnaDenials.Select(i => i.Key));
        Assert.Equal(["C3/denial", "C1/denial", "C2/denial"], withClosed.Select(i => i.Key));
        Assert.Empty(await store.ListAsync("lakeside", new WorklistFilter(IncludeClosed: true)));
    }

    [Fact]
    public async Task Denials_group_by_payer_and_reason_with_count_amount_and_first_deadline()
    {
        var store = await StoreAsync("wl-denials");

        var groups = await store.DenialsAsync(Riverside);

        Assert.Equal(
            [
                new DenialGroup(Medicare, "CO-50", 2, Money.Of(300.00m), new DateOnly(2026, 5, 1), 0),
                new DenialGroup(Aetna, "CO-50", 1, Money.Of(90.00m), new DateOnly(2026, 6, 1), 1),
            ],
            groups);
    }

    [Fact]
    public async Task Counts_per_kind_cover_open_items_only()
    {
        var store = await StoreAsync("wl-counts");
        await store.SyncAsync(Riverside, "claim:C4", [], new HashSet<string>(), Now);

        var counts = await store.CountsAsync(Riverside);

        Assert.Equal(
            [
                new WorklistKindCount(WorklistKind.Denial, 3, Money.Of(390.00m), 1),
                new WorklistKindCount(WorklistKind.Underpayment, 1, Money.Of(12.40m), 0),
            ],
            counts);
    }

    private static async Task<WorklistStore> StoreAsync(string purpose)
    {
        var (store, _) = await WorklistStoreFixture.CreateAsync(purpose);
        await RaiseAsync(store, "claim:C1", Entry("C1/denial", WorklistKind.Denial, Medicare, 100.00m, due: new(2026, 4, 1), deadline: new(2026, 5, 1)));
        await RaiseAsync(
            store,
            "claim:C2",
            Entry("C2/denial", WorklistKind.Denial, Medicare, 200.00m, due: new(2026, 4, 3), deadline: new(2026, 7, 1)),
            Entry("C2/underpaid", WorklistKind.Underpayment, Medicare, 12.40m, due: new(2026, 4, 3), deadline: new(2026, 7, 2)));
        await RaiseAsync(store, "claim:C3", Entry("C3/denial", WorklistKind.Denial, Aetna, 90.00m, due: new(2026, 4, 5), deadline: new(2026, 6, 1)) with { Escalated = true });
        await RaiseAsync(store, "claim:C4", Entry("C4/noresponse", WorklistKind.FollowUp, Aetna, 50.00m, due: new(2026, 5, 20), deadline: null));
        return store;
    }

    private static Task RaiseAsync(WorklistStore store, string scope, params WorklistEntry[] entries) =>
        store.SyncAsync(Riverside, scope, entries, entries.Select(e => e.Key).ToHashSet(), Now);

    private static WorklistEntry Entry(string key, WorklistKind kind, string payer, decimal amount, DateOnly due, DateOnly? deadline) =>
        new(key, kind, key[..2], "A1", payer, Money.Of(amount), kind == WorklistKind.Denial ? "CO-50" : "below fee schedule", due, deadline);
}
