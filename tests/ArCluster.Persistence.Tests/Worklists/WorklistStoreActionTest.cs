using ArCluster.Domain;
using ArCluster.Domain.Worklists;
using ArCluster.Persistence.Worklists;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Persistence.Tests.Worklists;

/// <summary>
/// Every action is recorded once with who and when, in the same transaction as its effect on the
/// item; the action id is the caller's idempotency key.
/// </summary>
public class WorklistStoreActionTest
{
    private const string Riverside = WorklistStoreFixture.Riverside;

    private static readonly DateTimeOffset Now = new(2026, 4, 10, 14, 30, 0, TimeSpan.Zero);

    private static readonly WorklistEntry Denial = new(
        "C1001/denial/2026-04-02", WorklistKind.Denial, "C1001", "A1001", "87726", Money.Of(245.00m), "CO-50", new DateOnly(2026, 4, 2), new DateOnly(2026, 6, 1));

    [Fact]
    public async Task An_appeal_closes_the_item_with_who_when_and_its_deadline()
    {
        var store = await StoreWithDenialAsync("wl-appeal");
        var appeal = Action("act-1", WorklistAction.Appeal) with { Deadline = new DateOnly(2026, 5, 30), PostingId = "worklist:act-1" };

        var recorded = await store.RecordActionAsync(Riverside, appeal);

        Assert.False(recorded.Replayed);
        var history = (await store.ItemAsync(Riverside, Denial.Key))!;
        Assert.Equal(
            (WorklistItemState.Appealed, (DateTimeOffset?)Now, "maria", (DateOnly?)new DateOnly(2026, 5, 30)),
            (history.Item.State, history.Item.ResolvedAt, history.Item.ResolvedBy, history.Item.AppealDeadline));
        Assert.Equal(appeal, Assert.Single(history.Actions));
    }

    [Fact]
    public async Task Notes_and_assignments_keep_the_item_open_and_the_history_in_order()
    {
        var store = await StoreWithDenialAsync("wl-assign");

        await store.RecordActionAsync(Riverside, Action("act-1", WorklistAction.Note) with { Note = "called payer, ref 551" });
        await store.RecordActionAsync(Riverside, Action("act-2", WorklistAction.Assign) with { Assignee = "james" });

        var history = (await store.ItemAsync(Riverside, Denial.Key))!;
        Assert.Equal((WorklistItemState.Open, "james"), (history.Item.State, history.Item.AssignedTo));
        Assert.Equal(["act-1", "act-2"], history.Actions.Select(a => a.ActionId));
        Assert.Equal([Denial.Key], (await store.ListAsync(Riverside, new WorklistFilter(AssignedTo: "james"))).Select(i => i.Key));
        Assert.Empty(await store.ListAsync(Riverside, new WorklistFilter(AssignedTo: "maria")));
    }

    [Fact]
    public async Task The_same_action_id_again_returns_the_first_recording_and_changes_nothing()
    {
        var store = await StoreWithDenialAsync("wl-action-retry");
        var writeOff = Action("act-1", WorklistAction.WriteOff) with { PostingId = "worklist:act-1", Note = "small balance" };
        var first = await store.RecordActionAsync(Riverside, writeOff);

        var retries = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => store.RecordActionAsync(Riverside, writeOff with { ActedAt = Now.AddMinutes(i + 1) }))));

        Assert.All(retries, r => Assert.Equal((first.Action, true), (r.Action, r.Replayed)));
        var history = (await store.ItemAsync(Riverside, Denial.Key))!;
        Assert.Equal(writeOff, Assert.Single(history.Actions));
        Assert.Equal((DateTimeOffset?)Now, history.Item.ResolvedAt);
    }

    [Fact]
    public async Task Concurrent_first_attempts_of_one_action_id_record_it_once()
    {
        var store = await StoreWithDenialAsync("wl-action-race");
        var assign = Action("act-1", WorklistAction.Assign) with { Assignee = "james" };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.RecordActionAsync(Riverside, assign))));

        Assert.Single(outcomes, o => !o.Replayed);
        Assert.Single((await store.ItemAsync(Riverside, Denial.Key))!.Actions);
    }

    [Fact]
    public async Task A_different_action_under_a_used_action_id_is_a_conflict_that_changes_nothing()
    {
        var store = await StoreWithDenialAsync("wl-action-conflict");
        await store.RecordActionAsync(Riverside, Action("act-1", WorklistAction.Note) with { Note = "called payer" });

        var conflict = await Assert.ThrowsAsync<WorklistActionConflictException>(() =>
            store.RecordActionAsync(Riverside, Action("act-1", WorklistAction.WriteOff) with { PostingId = "worklist:act-1" }));

        Assert.Contains("act-1", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(WorklistAction.Note, conflict.Recorded.Action);
        var history = (await store.ItemAsync(Riverside, Denial.Key))!;
        Assert.Equal(WorklistItemState.Open, history.Item.State);
        Assert.Single(history.Actions);
    }

    [Fact]
    public async Task A_second_closing_action_is_kept_in_the_history_but_the_first_decision_stands()
    {
        var store = await StoreWithDenialAsync("wl-first-decision");
        await store.RecordActionAsync(Riverside, Action("act-1", WorklistAction.Appeal) with { Deadline = new DateOnly(2026, 6, 1) });

        await store.RecordActionAsync(Riverside, Action("act-2", WorklistAction.Resolve) with { Actor = "james", ActedAt = Now.AddHours(1), Note = "accepted" });

        var history = (await store.ItemAsync(Riverside, Denial.Key))!;
        Assert.Equal((WorklistItemState.Appealed, "maria"), (history.Item.State, history.Item.ResolvedBy));
        Assert.Equal(2, history.Actions.Count);
    }

    [Fact]
    public async Task An_action_on_an_item_that_does_not_exist_is_refused_by_name()
    {
        var store = await StoreWithDenialAsync("wl-action-unknown");

        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            store.RecordActionAsync(Riverside, Action("act-1", WorklistAction.Note) with { ItemKey = "C9999/denial/2026-04-02", Note = "?" }));

        Assert.Contains("C9999/denial/2026-04-02", missing.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindActionAsync(Riverside, "act-1"));
        Assert.Null(await store.ItemAsync(Riverside, "C9999/denial/2026-04-02"));
    }

    [Fact]
    public async Task Recorded_actions_cannot_be_edited_or_deleted()
    {
        var (store, database) = await WorklistStoreFixture.CreateAsync("wl-append-only");
        await store.SyncAsync(Riverside, "claim:C1001", [Denial], new HashSet<string> { Denial.Key }, Now);
        await store.RecordActionAsync(Riverside, Action("act-1", WorklistAction.Note) with { Note = "called payer" });

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE arcluster_worklist_action SET actor = 'x'", "DELETE FROM arcluster_worklist_action", "TRUNCATE arcluster_worklist_action" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        Assert.Equal(1, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_worklist_action WHERE actor = 'maria'"));
    }

    private static WorklistActionRecord Action(string actionId, WorklistAction action) =>
        new(actionId, Denial.Key, action, "maria", Now, null, null, null, null);

    private static async Task<WorklistStore> StoreWithDenialAsync(string purpose)
    {
        var (store, _) = await WorklistStoreFixture.CreateAsync(purpose);
        await store.SyncAsync(Riverside, "claim:C1001", [Denial], new HashSet<string> { Denial.Key }, Now.AddDays(-8));
        return store;
    }
}
