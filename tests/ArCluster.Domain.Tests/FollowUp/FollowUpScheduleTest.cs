using System.Collections.Frozen;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Tests.TestData;
using ArCluster.Domain.FollowUp;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Practices;
using ArCluster.Domain.Worklists;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.FollowUp;

public class FollowUpScheduleTest
{
    // Opened (billed) on Today, 2025-06-30, for a visit 30 days before: 2025-05-31.
    private static readonly DateOnly ServiceDate = Today.AddDays(-30);

    private static FollowUpSettings Settings(AgingBasis basis = AgingBasis.DateOfService, int medicareLimit = 365) => new(
        new[]
        {
            Payer(Medicare, "Medicare Part B", PayerKind.Medicare, medicareLimit),
            Payer(Commercial, "Blue Shield", PayerKind.Commercial, 90),
        }.ToFrozenDictionary(p => p.PayerId.Value, StringComparer.Ordinal),
        basis,
        FollowUpPolicy.Default);

    private static PracticePayer Payer(string id, string name, PayerKind kind, int limit) =>
        new(PayerId.TryParse(id, out var payerId, out _) ? payerId : throw new ArgumentException(id), name, kind, limit);

    private static PostingContext At(string postingId, DateOnly day) => new(PostingIdOf(postingId), new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero), "biller.sam");

    private static Dictionary<string, DateOnly> DueDates(FollowUpPlan plan) => plan.Events.ToDictionary(e => e.Key, e => e.DueOn);

    private static Claim Denied(DateOnly on)
    {
        var claim = new ClaimBuilder().Line(150m).Open();
        claim.Post(claim.PostPayerPayment(At("ERA-1", on), Eob(ResponsibleParty.Primary, Paid(1, 0m, Cas(AdjustmentGroup.CO, "50", 150m))) with { Denied = true, PaymentDate = on }));
        return claim;
    }

    [Fact]
    public void A_new_claim_comes_due_at_each_aging_boundary_when_the_payer_has_not_answered_and_before_the_filing_limit()
    {
        var plan = FollowUpSchedule.For(new ClaimBuilder().Line(150m).Open(), Settings());

        Assert.Equal(new Dictionary<string, DateOnly>
        {
            ["C100/aging/31"] = ServiceDate.AddDays(31),
            ["C100/aging/61"] = ServiceDate.AddDays(61),
            ["C100/aging/91"] = ServiceDate.AddDays(91),
            ["C100/aging/121"] = ServiceDate.AddDays(121),
            ["C100/noresponse/primary/2025-06-30"] = Today.AddDays(30),
            ["C100/timely/primary/warn"] = ServiceDate.AddDays(365 - 30),
            ["C100/timely/primary/missed"] = ServiceDate.AddDays(366),
        }, DueDates(plan));
        Assert.Equal(ServiceDate.AddDays(31), plan.NextDueAfter(Today));
        Assert.Empty(plan.RaisedBy(Today));
        var missed = plan.Events.Single(e => e.Key.EndsWith("missed", StringComparison.Ordinal));
        Assert.Equal((WorklistKind.TimelyFiling, ServiceDate.AddDays(365), true, Usd(150m), Medicare), (missed.Kind, missed.Deadline, missed.Escalated, missed.Amount, missed.PayerId));
    }

    [Fact]
    public void A_short_filing_limit_warns_from_the_date_of_service_when_the_warning_would_fall_before_it()
    {
        var plan = FollowUpSchedule.For(new ClaimBuilder().Line(150m).Open(), Settings(medicareLimit: 20));

        Assert.Equal(ServiceDate, DueDates(plan)["C100/timely/primary/warn"]);
        Assert.Equal(2, plan.RaisedBy(Today).Count(e => e.Kind == WorklistKind.TimelyFiling));
        Assert.Equal(["C100/timely/primary/missed"], plan.OpenKeys(Today));
    }

    [Fact]
    public void Only_the_latest_event_of_each_list_is_open_so_a_claim_shows_once_per_list()
    {
        var plan = FollowUpSchedule.For(new ClaimBuilder().Line(150m).Open(), Settings());
        var day = ServiceDate.AddDays(95);

        Assert.Equal(["C100/aging/31", "C100/noresponse/primary/2025-06-30", "C100/aging/61", "C100/aging/91"], plan.RaisedBy(day).Select(e => e.Key));
        Assert.Equal(["C100/aging/91"], plan.OpenKeys(day));
    }

    [Fact]
    public void A_claim_paid_in_full_has_nothing_left_to_follow_up()
    {
        var claim = new ClaimBuilder().Line(150m).Open();
        claim.Post(claim.PostPayerPayment(At("ERA-1", Today.AddDays(10)), Eob(ResponsibleParty.Primary, Paid(1, 100m, Cas(AdjustmentGroup.CO, "45", 50m)))));

        Assert.Equal(ClaimStatus.Closed, claim.Status);
        Assert.Empty(FollowUpSchedule.For(claim, Settings()).Events);
        Assert.Null(FollowUpSchedule.For(claim, Settings()).NextDueAfter(Today));
    }

    [Fact]
    public void A_balance_left_with_the_patient_is_for_statements_not_payer_follow_up()
    {
        var claim = new ClaimBuilder().Line(150m).Open();
        claim.Post(claim.PostPayerPayment(At("ERA-1", Today.AddDays(10)), Eob(ResponsibleParty.Primary, Paid(1, 100m, Cas(AdjustmentGroup.PR, "2", 50m)))));

        Assert.Equal(Usd(50m), claim.Balances.Patient);
        Assert.Empty(FollowUpSchedule.For(claim, Settings()).Events);
    }

    [Fact]
    public void A_denial_is_worked_though_its_adjustment_took_the_balance_to_zero_with_the_appeal_deadline_a_warning_and_an_escalation()
    {
        var deniedOn = Today.AddDays(12);
        var claim = Denied(deniedOn);
        var plan = FollowUpSchedule.For(claim, Settings());

        Assert.Equal((ClaimStatus.Denied, Usd(0m)), (claim.Status, claim.Balances.Total));
        var denials = plan.Events.Where(e => e.Kind == WorklistKind.Denial).ToArray();
        var deadline = deniedOn.AddDays(120);
        Assert.Equal(
            [("C100/denial/2025-07-12", deniedOn, false), ("C100/denial/2025-07-12/appeal-due", deadline.AddDays(-14), true), ("C100/denial/2025-07-12/appeal-missed", deadline.AddDays(1), true)],
            denials.Select(e => (e.Key, e.DueOn, e.Escalated)));
        Assert.All(denials, e => Assert.Equal(("CO-50", deadline, Usd(150m)), (e.Reason, e.Deadline, e.Amount)));
        Assert.DoesNotContain(plan.Events, e => e.Kind == WorklistKind.TimelyFiling || e.Key.Contains("noresponse", StringComparison.Ordinal));
        Assert.Equal(["C100/denial/2025-07-12"], plan.OpenKeys(deniedOn).Where(k => k.Contains("denial", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_appeal_window_runs_from_the_remittance_date_not_the_day_it_was_posted()
    {
        var claim = new ClaimBuilder().Line(150m).Open();
        var remittanceDate = Today.AddDays(2);
        claim.Post(claim.PostPayerPayment(At("ERA-1", Today.AddDays(9)), Eob(ResponsibleParty.Primary, Paid(1, 0m, Cas(AdjustmentGroup.CO, "50", 150m))) with { Denied = true, PaymentDate = remittanceDate }));

        var denial = FollowUpSchedule.For(claim, Settings()).Events.First(e => e.Kind == WorklistKind.Denial);

        Assert.Equal(("C100/denial/2025-07-02", remittanceDate, remittanceDate.AddDays(120)), (denial.Key, denial.DueOn, denial.Deadline));
    }

    [Fact]
    public void A_commercial_denial_has_the_longer_commercial_appeal_window()
    {
        var claim = Claim.FromHistory([Claim.Open(ClaimRules.Validate(new ClaimBuilder().Line(150m).Input() with { Primary = new CoverageInput(Commercial, "W1") }, PracticePayers, Today), Context("C100-open"))]);
        claim.Post(claim.PostPayerPayment(At("ERA-1", Today), Eob(ResponsibleParty.Primary, Paid(1, 0m, Cas(AdjustmentGroup.CO, "197", 150m))) with { Denied = true }));

        Assert.Equal(Today.AddDays(180), FollowUpSchedule.For(claim, Settings()).Events.First(e => e.Kind == WorklistKind.Denial).Deadline);
    }

    [Fact]
    public void Once_appealed_the_denial_leaves_the_list_and_the_payer_gets_a_new_window_to_answer_the_appeal()
    {
        var claim = Denied(Today.AddDays(5));
        var appealedOn = Today.AddDays(20);
        claim.Post(claim.ChangeStatus(At("APPEAL-1", appealedOn), new StatusChangeCommand(ClaimStatus.Appealed, "redetermination sent")));

        var plan = FollowUpSchedule.For(claim, Settings());

        Assert.DoesNotContain(plan.Events, e => e.Kind == WorklistKind.Denial);
        var followUp = Assert.Single(plan.Events, e => e.Key.Contains("noresponse", StringComparison.Ordinal));
        Assert.Equal(("C100/noresponse/primary/2025-07-20", appealedOn.AddDays(30)), (followUp.Key, followUp.DueOn));
        Assert.Contains("appealed", followUp.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_balance_passed_to_the_secondary_is_followed_up_with_the_secondary_from_the_day_the_primary_answered()
    {
        var claim = Claim.FromHistory([Claim.Open(ClaimRules.Validate(new ClaimBuilder().Line(150m).WithSecondary().Input(), PracticePayers, Today), Context("C100-open"))]);
        var primaryAnswered = Today.AddDays(14);
        claim.Post(claim.PostPayerPayment(At("ERA-1", primaryAnswered), Eob(ResponsibleParty.Primary, Paid(1, 100m, Cas(AdjustmentGroup.PR, "2", 50m)))));

        var plan = FollowUpSchedule.For(claim, Settings());

        Assert.Equal(Usd(50m), claim.Balances.Secondary);
        var dates = DueDates(plan);
        Assert.Equal(primaryAnswered.AddDays(30), dates["C100/noresponse/secondary/2025-07-14"]);
        Assert.Equal(ServiceDate.AddDays(91), dates["C100/timely/secondary/missed"]);
        Assert.All(plan.Events, e => Assert.Equal((Commercial, Usd(50m)), (e.PayerId, e.Amount)));
    }

    [Fact]
    public void Submission_basis_ages_from_the_first_submission_not_the_date_of_service()
    {
        var claim = new ClaimBuilder().Line(150m).Open();
        var submitted = Today.AddDays(3);
        claim.Post(claim.ChangeStatus(At("SUBMIT-1", submitted), new StatusChangeCommand(ClaimStatus.Submitted, null)));

        var dates = DueDates(FollowUpSchedule.For(claim, Settings(AgingBasis.Submission)));

        Assert.Equal(submitted.AddDays(31), dates["C100/aging/31"]);
        Assert.Equal(submitted.AddDays(30), dates["C100/noresponse/primary/2025-07-03"]);
    }

    [Fact]
    public void A_claim_marked_for_correction_leaves_the_denial_list_but_its_open_balance_still_ages()
    {
        var claim = new ClaimBuilder().Line(150m).Open();
        claim.Post(claim.PostPayerPayment(At("ERA-1", Today), Eob(ResponsibleParty.Primary, Paid(1, 0m)) with { Denied = true }));
        claim.Post(claim.ChangeStatus(At("FIX-1", Today.AddDays(1)), new StatusChangeCommand(ClaimStatus.Corrected, null)));

        var plan = FollowUpSchedule.For(claim, Settings());

        Assert.DoesNotContain(plan.Events, e => e.Key.Contains("noresponse", StringComparison.Ordinal) || e.Kind == WorklistKind.Denial);
        Assert.Contains(plan.Events, e => e.Key == "C100/aging/121");
    }

    [Fact]
    public void Asking_again_on_the_same_day_raises_exactly_the_same_events()
    {
        var claim = new ClaimBuilder().Line(150m).Open();
        var day = ServiceDate.AddDays(70);

        Assert.True(FollowUpSchedule.For(claim, Settings()).SameOnLists(FollowUpSchedule.For(Claim.FromHistory(claim.Postings), Settings()), day));
    }
}
