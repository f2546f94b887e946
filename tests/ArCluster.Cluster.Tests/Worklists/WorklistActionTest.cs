using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Ledger;
using ArCluster.Abstractions.Worklists;
using ArCluster.Domain.Worklists;

namespace ArCluster.Cluster.Tests.Worklists;

/// <summary>
/// Billers' actions through the client: each changes the claim it stands for (status or ledger) before
/// it is recorded with who and when, is done once however often it is sent, and is refused whole
/// when a rule or the claim says no.
/// </summary>
public class WorklistActionTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task A_write_off_posts_an_adjustment_of_the_whole_balance_and_closes_the_item_with_who_and_when()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-writeoff");
        var denial = await scenario.DeniedClaimAsync("C1", WorklistScenario.Today.AddDays(30));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var receipt = await scenario.Client.Worklists.WriteOffAsync(scenario.PracticeId, denial.Key, reason: "50", note: "not medically necessary, no appeal", actionId: "wo-1");

        var posting = Assert.IsType<PostingReceipt>(receipt.Posting);
        var adjustment = Assert.Single(posting.Posting.Entries.GroupBy(e => e.Kind), g => g.Key == LedgerEntryKind.Adjustment);
        Assert.Equal(170.00m, adjustment.Sum(e => e.Amount));
        Assert.All(adjustment, e => Assert.Equal(("CO", "50", Party.Primary), (e.AdjustmentGroup, e.ReasonCode, e.Party)));
        Assert.Equal(("worklist-wo-1", WorklistScenario.User), (posting.Posting.PostingId, posting.Posting.PostedBy));
        Assert.Equal(0m, (await scenario.Client.Claims.GetAsync(scenario.PracticeId, "C1")).Balance.Total);

        var item = await scenario.Client.Worklists.GetItemAsync(scenario.PracticeId, denial.Key);
        Assert.Equal((WorklistItemStatus.WrittenOff, WorklistScenario.User), (item.Item.Status, item.Item.ResolvedBy));
        var action = Assert.Single(item.History);
        Assert.Equal((WorklistActionKind.WriteOff, WorklistScenario.User, "worklist-wo-1"), (action.Action, action.Actor, action.PostingId));
        Assert.InRange(action.ActedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Empty((await scenario.Client.Worklists.ListAsync(scenario.PracticeId)).Items);
    }

    [Fact]
    public async Task Sending_an_action_again_with_its_id_posts_nothing_twice()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-retry");
        var denial = await scenario.DeniedClaimAsync("C1", WorklistScenario.Today.AddDays(30));
        var first = await scenario.Client.Worklists.WriteOffAsync(scenario.PracticeId, denial.Key, reason: "50", actionId: "wo-1");

        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => scenario.Client.Worklists.WriteOffAsync(scenario.PracticeId, denial.Key, reason: "50", actionId: "wo-1")));

        Assert.All(again, r => Assert.Equal((true, (PostingReceipt?)null, first.Action), (r.Replayed, r.Posting, r.Action)));
        var claim = await scenario.Client.Claims.GetAsync(scenario.PracticeId, "C1");
        Assert.Single(claim.History, p => p.PostingId == "worklist-wo-1");
        Assert.Equal(0m, claim.Balance.Total);
        Assert.Single((await scenario.Client.Worklists.GetItemAsync(scenario.PracticeId, denial.Key)).History);

        var reused = await Assert.ThrowsAsync<ConflictException>(() => scenario.Client.Worklists.ResolveAsync(scenario.PracticeId, denial.Key, "other", actionId: "wo-1"));
        Assert.Contains("'wo-1'", reused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_whose_claim_change_was_made_but_not_recorded_is_recorded_on_retry_without_posting_again()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-half");
        var denial = await scenario.DeniedClaimAsync("C1", WorklistScenario.Today.AddDays(30));
        // As if the silo died after the claim posted the write-off and before the action was recorded.
        await scenario.Claim("C1").WriteOff(new(WorklistActionRules.PostingIdFor("wo-1"), Party.Primary, "CO", "50", null, WorklistScenario.Today, null), WorklistScenario.User);

        var receipt = await scenario.Client.Worklists.WriteOffAsync(scenario.PracticeId, denial.Key, reason: "50", actionId: "wo-1");

        Assert.Equal((false, (PostingReceipt?)null, "worklist-wo-1", WorklistItemStatus.WrittenOff), (receipt.Replayed, receipt.Posting, receipt.Action.PostingId, receipt.Item.Status));
        var claim = await scenario.Client.Claims.GetAsync(scenario.PracticeId, "C1");
        Assert.Single(claim.History, p => p.PostingId == "worklist-wo-1");
        Assert.Equal(0m, claim.Balance.Total);
    }

    [Fact]
    public async Task An_appeal_moves_the_claim_to_appealed_and_records_the_deadline()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-appeal");
        var deadline = WorklistScenario.Today.AddDays(20);
        var denial = await scenario.DeniedClaimAsync("C1", deadline);

        var receipt = await scenario.Client.Worklists.AppealAsync(scenario.PracticeId, denial.Key, note: "records sent", actionId: "ap-1");

        Assert.Equal("Appealed", Assert.IsType<PostingReceipt>(receipt.Posting).StatusAfter);
        Assert.Equal("Appealed", (await scenario.Client.Claims.GetAsync(scenario.PracticeId, "C1")).Status);
        Assert.Equal((WorklistItemStatus.Appealed, (DateOnly?)deadline, (DateOnly?)deadline), (receipt.Item.Status, receipt.Item.AppealDeadline, receipt.Action.AppealDeadline));
    }

    [Fact]
    public async Task An_appeal_past_the_deadline_is_refused_and_changes_nothing()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-late");
        var denial = await scenario.DeniedClaimAsync("C1", WorklistScenario.Today.AddDays(-1));
        var claimBefore = await scenario.Client.Claims.GetAsync(scenario.PracticeId, "C1");

        var late = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            scenario.Client.Worklists.AppealAsync(scenario.PracticeId, denial.Key, deadline: WorklistScenario.Today.AddDays(10), actionId: "ap-1"));

        var error = Assert.Single(late.Errors);
        Assert.Equal("appealDeadline", error.Field);
        Assert.Contains($"closed on {WorklistScenario.Today.AddDays(-1):yyyy-MM-dd}", error.Message, StringComparison.Ordinal);
        var claimAfter = await scenario.Client.Claims.GetAsync(scenario.PracticeId, "C1");
        Assert.Equal((claimBefore.Version, "Denied"), (claimAfter.Version, claimAfter.Status));
        var item = await scenario.Client.Worklists.GetItemAsync(scenario.PracticeId, denial.Key);
        Assert.Equal(WorklistItemStatus.Open, item.Item.Status);
        Assert.Empty(item.History);
    }

    [Fact]
    public async Task When_the_claim_refuses_the_change_nothing_is_recorded_and_the_claims_reason_comes_back()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-claim-refuses");
        await scenario.Client.Claims.CreateAsync(Testing.SampleLedger.OfficeVisit(scenario.PracticeId, "C1", "A1", new DateOnly(2026, 10, 1)));
        // An underpayment raised on a claim that was never adjudicated: a Ready claim cannot be appealed.
        var item = await scenario.RaiseAsync("C1", WorklistKind.Underpayment, "paid 60.00 below the fee schedule", WorklistScenario.Today.AddDays(30));

        var refused = await Assert.ThrowsAsync<InvalidCommandException>(() => scenario.Client.Worklists.AppealAsync(scenario.PracticeId, item.Key, actionId: "ap-1"));

        Assert.Contains("a Ready claim cannot become Appealed", refused.Message, StringComparison.Ordinal);
        Assert.Empty((await scenario.Client.Worklists.GetItemAsync(scenario.PracticeId, item.Key)).History);
        Assert.Equal("Ready", (await scenario.Client.Claims.GetAsync(scenario.PracticeId, "C1")).Status);
    }

    [Fact]
    public async Task A_closed_item_takes_notes_only_and_the_rules_name_what_is_missing()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-rules");
        var denial = await scenario.DeniedClaimAsync("C1", WorklistScenario.Today.AddDays(30));
        var followUp = await scenario.RaiseAsync("C1", WorklistKind.FollowUp, "no response 30 days after billing", null);

        var noReason = await Assert.ThrowsAsync<InvalidCommandException>(() => scenario.Client.Worklists.ActAsync(
            scenario.PracticeId, new WorklistActionRequest("wo-1", denial.Key, WorklistActionKind.WriteOff, WorklistScenario.User)));
        var notAppealable = await Assert.ThrowsAsync<InvalidCommandException>(() => scenario.Client.Worklists.AppealAsync(scenario.PracticeId, followUp.Key));
        await scenario.Client.Worklists.ResolveAsync(scenario.PracticeId, denial.Key, "paid on resubmission");
        var closed = await Assert.ThrowsAsync<ConflictException>(() => scenario.Client.Worklists.AssignAsync(scenario.PracticeId, denial.Key, "james"));
        var noted = await scenario.Client.Worklists.NoteAsync(scenario.PracticeId, denial.Key, "payer confirmed by phone");

        Assert.Equal("writeOffReason", Assert.Single(noReason.Errors).Field);
        Assert.Contains("only a denial or an underpayment can be appealed", Assert.Single(notAppealable.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("already resolved", closed.Message, StringComparison.Ordinal);
        Assert.Equal(WorklistItemStatus.Resolved, noted.Item.Status);
    }

    [Fact]
    public async Task Unknown_practices_and_items_are_named_in_the_error()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-unknown");

        var practice = await Assert.ThrowsAsync<NotFoundException>(() => scenario.Client.Worklists.ListAsync("no-such-practice"));
        var item = await Assert.ThrowsAsync<NotFoundException>(() => scenario.Client.Worklists.GetItemAsync(scenario.PracticeId, "C404/denial/2026-10-30"));
        var action = await Assert.ThrowsAsync<NotFoundException>(() => scenario.Client.Worklists.NoteAsync(scenario.PracticeId, "C404/denial/2026-10-30", "?"));

        Assert.Equal("Practice 'no-such-practice' does not exist.", practice.Message);
        Assert.Equal("Worklist item 'wl-unknown/C404/denial/2026-10-30' does not exist.", item.Message);
        Assert.Equal(item.Message, action.Message);
    }
}
