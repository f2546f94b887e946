using ArCluster.Domain.Codes;
using ArCluster.Domain.Validation;
using ArCluster.Domain.Worklists;

namespace ArCluster.Domain.Tests.Worklists;

/// <summary>What a biller may do with a worklist item, and what each action needs.</summary>
public class WorklistActionRulesTest
{
    private static readonly DateOnly Today = new(2026, 4, 10);

    private static readonly WorklistItemFacts Denial = new("C1/denial/2026-04-02", WorklistKind.Denial, "C1", WorklistItemState.Open, new DateOnly(2026, 6, 1));

    [Fact]
    public void An_appeal_takes_the_items_deadline_unless_given_one()
    {
        Assert.Equal(new DateOnly(2026, 6, 1), Decide(Denial, WorklistAction.Appeal).AppealDeadline);
        Assert.Equal(new DateOnly(2026, 5, 1), WorklistActionRules.Decide(Denial, Input(WorklistAction.Appeal) with { AppealDeadline = new DateOnly(2026, 5, 1) }, Today).AppealDeadline);
    }

    [Fact]
    public void An_appeal_after_the_window_closed_is_refused_even_with_a_later_deadline_typed_in()
    {
        var closed = Denial with { Deadline = Today.AddDays(-1) };

        var refused = Assert.Throws<RuleViolationException>(() =>
            WorklistActionRules.Decide(closed, Input(WorklistAction.Appeal) with { AppealDeadline = Today.AddDays(30) }, Today));

        Assert.Equal("appealDeadline", Assert.Single(refused.Violations).Field);
        Assert.Equal(Today, Decide(Denial with { Deadline = Today }, WorklistAction.Appeal).AppealDeadline);
    }

    [Theory]
    [InlineData(WorklistKind.FollowUp)]
    [InlineData(WorklistKind.TimelyFiling)]
    [InlineData(WorklistKind.UnappliedPayment)]
    public void Only_denials_and_underpayments_can_be_appealed(WorklistKind kind)
    {
        Assert.Throws<RuleViolationException>(() => Decide(Denial with { Kind = kind }, WorklistAction.Appeal));
        Assert.NotNull(Decide(Denial with { Kind = WorklistKind.Underpayment }, WorklistAction.Appeal).AppealDeadline);
    }

    [Fact]
    public void A_write_off_needs_a_claim_and_a_reason_and_defaults_to_contractual()
    {
        var decided = WorklistActionRules.Decide(Denial, Input(WorklistAction.WriteOff) with { WriteOffReason = "b7" }, Today);
        var noClaim = Assert.Throws<RuleViolationException>(() =>
            WorklistActionRules.Decide(Denial with { ClaimId = null }, Input(WorklistAction.WriteOff), Today));

        Assert.Equal((AdjustmentGroup.CO, "B7"), (decided.WriteOffGroup, decided.WriteOffReason!.Value.Value));
        Assert.Equal(["action", "writeOffReason"], noClaim.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(WorklistAction.Note, "note")]
    [InlineData(WorklistAction.Resolve, "note")]
    [InlineData(WorklistAction.Assign, "assignee")]
    public void Notes_and_resolutions_need_text_and_assignments_a_user(WorklistAction action, string field)
    {
        var refused = Assert.Throws<RuleViolationException>(() => WorklistActionRules.Decide(Denial, Input(action) with { Note = "  " }, Today));

        Assert.Equal(field, Assert.Single(refused.Violations).Field);
    }

    [Fact]
    public void A_closed_item_takes_notes_only()
    {
        var resolved = Denial with { State = WorklistItemState.Resolved };

        Assert.Null(WorklistActionRules.RefusalForState(resolved, WorklistAction.Note));
        Assert.Contains("already resolved", WorklistActionRules.RefusalForState(resolved, WorklistAction.Assign), StringComparison.Ordinal);
        Assert.Null(WorklistActionRules.RefusalForState(Denial, WorklistAction.WriteOff));
    }

    [Fact]
    public void The_claim_posting_of_an_action_is_derived_from_its_id_and_stays_a_valid_posting_id()
    {
        Assert.True(WorklistActionRules.TryParseActionId(Guid.NewGuid().ToString(), out var id, out _));
        Assert.True(ArCluster.Domain.Identifiers.PostingId.TryParse(WorklistActionRules.PostingIdFor(id), out _, out _));
        Assert.False(WorklistActionRules.TryParseActionId("has:colon", out _, out var error));
        Assert.Contains("not an action id", error, StringComparison.Ordinal);
    }

    private static WorklistDecision Decide(WorklistItemFacts item, WorklistAction action) => WorklistActionRules.Decide(item, Input(action), Today);

    private static WorklistActionInput Input(WorklistAction action) => new(action, null, null, null, null, null);
}
