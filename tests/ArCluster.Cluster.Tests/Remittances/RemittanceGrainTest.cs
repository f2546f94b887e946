using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Remittances;
using ArCluster.Cluster.Tests.Ledger;
using ArCluster.Testing;
using static ArCluster.Cluster.Tests.Remittances.RemittanceScenario;

namespace ArCluster.Cluster.Tests.Remittances;

public class RemittanceGrainTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task The_sample_remittance_posts_to_the_cent()
    {
        var era = await Scenario("managed-care");

        var report = await era.PostAsync(ManagedCare());

        Assert.Equal(RemittanceOutcome.Posted, report.Outcome);
        Assert.Equal((2, 945.00m, 900.00m), (report.ClaimsPosted, report.Paid, report.PatientResponsibility));
        Assert.Equal(155.00m, report.AdjustedByGroup["CO"]);
        var first = await era.Claim("5554555444").Read();
        Assert.Equal((800.00m, 450.00m, 50.00m), (first.Totals.Charges, first.Totals.PayerPayments, first.Totals.Adjustments));
        Assert.Equal((0m, 300.00m), (first.Balance.Primary, first.Balance.Patient));
        Assert.Equal(0m, first.ClaimLevelBalance.Total);
        var second = await era.Claim("8765432112").Read();
        Assert.Equal((495.00m, 105.00m, 600.00m), (second.Totals.PayerPayments, second.Totals.Adjustments, second.Balance.Patient));
    }

    [Fact]
    public async Task The_same_transaction_again_renamed_or_at_once_posts_nothing_more()
    {
        var era = await Scenario("again");

        var first = await Task.WhenAll(era.PostAsync(ManagedCare(), "a.835"), era.PostAsync(ManagedCare(), "b.835"));
        var renamed = await era.PostAsync(ManagedCare(), "renamed.835");

        Assert.Equal(1, first.Count(r => r.Outcome == RemittanceOutcome.Posted));
        Assert.Equal(1, first.Count(r => r.Outcome == RemittanceOutcome.AlreadyPosted));
        Assert.Equal(RemittanceOutcome.AlreadyPosted, renamed.Outcome);
        Assert.Equal(450.00m, (await era.Claim("5554555444").Read()).Totals.PayerPayments);
        Assert.Equal(2, (await era.Claim("5554555444").Read()).Version);
    }

    [Fact]
    public async Task The_same_remittance_rebundled_with_another_ST02_and_segment_numbers_is_already_posted()
    {
        var era = await Scenario("rebundled");
        await era.PostAsync(ManagedCare(), "first.835");
        var rebundled = ManagedCare() with
        {
            ControlNumber = "0042",
            Claims = [.. ManagedCare().Claims.Select(c => c with { SegmentNumber = c.SegmentNumber + 100 })],
        };

        var report = await era.PostAsync(rebundled, "bundle.835");

        Assert.Equal(RemittanceOutcome.AlreadyPosted, report.Outcome);
    }

    [Fact]
    public async Task A_correction_waits_when_its_reversal_cannot_be_posted()
    {
        var era = await Scenario("held");
        var original = ManagedCare().Claims[0];
        var reversal = original with { Status = "22", Charge = -800.00m, Paid = -450.00m, Adjustments = [Cas("CO", "A2", -50.00m)],
            Services = [Service("99211", -800.00m, -500.00m, new DateOnly(2002, 3, 1), Cas("PR", "1", -300.00m))] };

        var report = await era.PostAsync(ManagedCare("HELD-1") with { TotalPayment = 0m, Claims = [reversal, original] });

        Assert.Equal(2, report.Unapplied.Length);
        Assert.StartsWith("held:", report.Unapplied[1].Reason, StringComparison.Ordinal);
        Assert.Equal(0m, (await era.Claim("5554555444").Read()).Totals.PayerPayments);
    }

    [Fact]
    public async Task A_different_file_with_a_trace_already_posted_is_flagged_not_posted()
    {
        var era = await Scenario("dup-trace");
        await era.PostAsync(ManagedCare(), "first.835");
        var other = ManagedCare() with { ControlNumber = "999", TotalPayment = 450.00m, Claims = [ManagedCare().Claims[0]] };

        var report = await era.PostAsync(other, "second.835");

        Assert.Equal(RemittanceOutcome.PossibleDuplicate, report.Outcome);
        Assert.Equal("first.835", report.FirstPostedFrom);
        Assert.Contains("possibly the same payment twice", Assert.Single(report.Reasons), StringComparison.Ordinal);
        Assert.Equal(450.00m, (await era.Claim("5554555444").Read()).Totals.PayerPayments);
    }

    [Fact]
    public async Task An_unbalanced_transaction_is_rejected_whole_with_the_difference()
    {
        var era = await Scenario("unbalanced");
        var unbalanced = ManagedCare() with { TotalPayment = 955.00m };
        var badClaim = ManagedCare("T2") with
        {
            Claims = [ManagedCare().Claims[0] with { Paid = 460.00m }, ManagedCare().Claims[1]],
            TotalPayment = 955.00m,
        };

        var total = await era.PostAsync(unbalanced);
        var claim = await era.PostAsync(badClaim);

        Assert.Equal(RemittanceOutcome.Rejected, total.Outcome);
        Assert.Contains("the payment (BPR02) is 955.00 (off by 10.00)", Assert.Single(total.Reasons), StringComparison.Ordinal);
        Assert.Equal(RemittanceOutcome.Rejected, claim.Outcome);
        Assert.Contains(claim.Reasons, r => r.Contains("claim 5554555444: charge 800.00 − adjustments 350.00 = 450.00, but paid is 460.00 (off by 10.00)", StringComparison.Ordinal));
        Assert.Equal(1, (await era.Claim("5554555444").Read()).Version);
    }

    [Fact]
    public async Task A_payment_for_an_unknown_claim_is_kept_as_unapplied_with_its_amounts()
    {
        var era = await Scenario("unknown-claim");
        var remittance = ManagedCare() with
        {
            Claims = [ManagedCare().Claims[0], ManagedCare().Claims[1] with { PatientControlNumber = "NOT-ON-FILE" }],
        };

        var report = await era.PostAsync(remittance);

        Assert.Equal(1, report.ClaimsPosted);
        var unapplied = Assert.Single(report.Unapplied);
        Assert.Equal(("NOT-ON-FILE", 1200.00m, 495.00m), (unapplied.ClaimId, unapplied.Charge, unapplied.Paid));
        Assert.Contains("not on file", unapplied.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unapplied_payment_posts_once_its_claim_is_entered()
    {
        var era = await Scenario("late-claim");
        var remittance = ManagedCare() with
        {
            Claims = [ManagedCare().Claims[0], ManagedCare().Claims[1] with { PatientControlNumber = "LATE-1" }],
        };
        await era.PostAsync(remittance);
        await era.OpenAsync("LATE-1", "93555", 1200.00m, new DateOnly(2002, 3, 10));

        var report = await cluster.Grains.GetGrain<IRemittanceGrain>($"late-claim/{Payer}/7170066655").PostUnapplied(User);
        var again = await cluster.Grains.GetGrain<IRemittanceGrain>($"late-claim/{Payer}/7170066655").PostUnapplied(User);

        Assert.Equal((2, 945.00m), (report.ClaimsPosted, report.Paid));
        Assert.Empty(report.Unapplied);
        Assert.Equal(LedgerFixture.Json(report), LedgerFixture.Json(again));
        Assert.Equal(495.00m, (await era.Claim("LATE-1").Read()).Totals.PayerPayments);
    }

    [Fact]
    public async Task A_payer_reversal_and_its_correction_net_to_the_corrected_payment()
    {
        var era = await Scenario("reversal");
        await era.PostAsync(ManagedCare());
        var original = ManagedCare().Claims[0];
        var reversal = original with
        {
            Status = "22",
            Charge = -800.00m,
            Paid = -450.00m,
            PatientResponsibility = -300.00m,
            Adjustments = [Cas("CO", "A2", -50.00m)],
            Services = [Service("99211", -800.00m, -500.00m, new DateOnly(2002, 3, 1), Cas("PR", "1", -300.00m))],
        };
        var correction = original with
        {
            Paid = 480.00m,
            PatientResponsibility = 270.00m,
            Services = [Service("99211", 800.00m, 530.00m, new DateOnly(2002, 3, 1), Cas("PR", "1", 270.00m))],
        };

        var report = await era.PostAsync(ManagedCare("REPROCESS-1") with { TotalPayment = 30.00m, Claims = [reversal, correction] });

        Assert.Equal((RemittanceOutcome.Posted, 1), (report.Outcome, report.Reversals));
        var claim = await era.Claim("5554555444").Read();
        Assert.Equal(480.00m, claim.Totals.PayerPayments);
        Assert.Equal((0m, 270.00m), (claim.Balance.Primary, claim.Balance.Patient));
        Assert.Equal(["Open", "PayerPayment", "Reversal", "PayerPayment"], claim.History.Select(p => p.Operation));
    }

    [Fact]
    public async Task Provider_level_adjustments_are_recorded_against_the_remittance_and_the_claim_they_name()
    {
        var era = await Scenario("plb");
        var remittance = ManagedCare("PLB-1") with
        {
            TotalPayment = 945.00m - 100.00m + 12.34m,
            ProviderAdjustments = [new ProviderAdjustmentLine("WO", "8765432112", 100.00m), new ProviderAdjustmentLine("L6", null, -12.34m)],
        };

        var report = await era.PostAsync(remittance);

        Assert.Equal(RemittanceOutcome.Posted, report.Outcome);
        Assert.Equal(2, report.ProviderAdjustments.Length);
        Assert.Equal(1L, await TestSql.ScalarAsync(cluster.ConnectionString,
            "SELECT count(*) FROM arcluster_ledger_entry WHERE kind = 'ProviderAdjustment' AND claim_id = '8765432112' AND amount = 100.00"));
        Assert.Equal(-1234L, await TestSql.ScalarAsync(cluster.ConnectionString,
            "SELECT (amount * 100)::bigint FROM arcluster_ledger_entry WHERE kind = 'ProviderAdjustment' AND claim_id IS NULL AND stream_id LIKE 'remittance:plb/%'"));
    }

    [Fact]
    public async Task A_denial_is_recorded_with_its_reason_and_remark()
    {
        var era = await Scenario("denial");
        var denied = ManagedCare().Claims[1] with
        {
            Status = "4",
            Paid = 0m,
            PatientResponsibility = 0m,
            Adjustments = [],
            Services = [Service("93555", 1200.00m, 0m, new DateOnly(2002, 3, 10), Cas("CO", "50", 1200.00m)) with { Remarks = ["N115"] }],
        };

        var report = await era.PostAsync(ManagedCare("DENY-1") with { TotalPayment = 0m, Claims = [denied] });

        var denial = Assert.Single(report.Denials);
        Assert.Equal(("8765432112", "CO-50", "N115"), (denial.ClaimId, Assert.Single(denial.Reasons), Assert.Single(denial.Remarks)));
        Assert.Equal("Denied", (await era.Claim("8765432112").Read()).Status);
    }

    [Fact]
    public async Task A_crossover_moves_the_patient_share_to_the_secondary_and_is_marked_forwarded()
    {
        var era = await Scenario("crossover");
        await era.OpenAsync("X1", "99213", 150.00m, new DateOnly(2002, 3, 2), secondary: Secondary);
        var crossover = new RemittanceClaimPayment("X1", "19", 150.00m, 90.00m, 30.00m, "PCN-X1", [],
            [Service("99213", 150.00m, 90.00m, new DateOnly(2002, 3, 2), Cas("CO", "45", 30.00m), Cas("PR", "2", 30.00m))], ["MA18"], "MEDI-CAL", 0);

        var report = await era.PostAsync(ManagedCare("XOVER-1") with { TotalPayment = 90.00m, Claims = [crossover] });

        Assert.Equal(["X1"], report.Forwarded.ToArray());
        var claim = await era.Claim("X1").Read();
        Assert.Equal((0m, 30.00m, 0m), (claim.Balance.Primary, claim.Balance.Secondary, claim.Balance.Patient));
    }

    [Fact]
    public async Task A_claim_paid_across_two_remittances_and_a_dropped_modifier_still_match_their_lines()
    {
        var era = await Scenario("split");
        await era.OpenAsync("S1", "99214", 200.00m, new DateOnly(2002, 3, 3), modifiers: ["25"],
            more: new NewServiceLine("93000", [], 1, 60.00m, new DateOnly(2002, 3, 3), "11", [1], "S1-2"));
        RemittanceClaimPayment Pays(decimal charge, params RemittanceServicePayment[] services) =>
            new("S1", "1", charge, services.Sum(s => s.Paid), null, "PCN-S1", [], [.. services], [], null, 0);

        // The payer dropped modifier 25 and sent no line control numbers.
        await era.PostAsync(ManagedCare("SPLIT-1") with { TotalPayment = 150.00m, Claims = [Pays(200.00m, Service("99214", 200.00m, 150.00m, new DateOnly(2002, 3, 3), Cas("CO", "45", 50.00m)))] });
        await era.PostAsync(ManagedCare("SPLIT-2") with { TotalPayment = 40.00m, Claims = [Pays(60.00m, Service("93000", 60.00m, 40.00m, new DateOnly(2002, 3, 3), Cas("CO", "45", 20.00m)))] });

        var claim = await era.Claim("S1").Read();
        Assert.Equal([0m, 0m], claim.Lines.Select(l => l.Balance.Total));
        Assert.Equal(new Abstractions.Ledger.BalanceView(0m, 0m, 0m, 0m), claim.ClaimLevelBalance);
        Assert.Equal("Closed", claim.Status);
    }

    [Fact]
    public async Task An_allowed_amount_below_the_fee_schedule_is_flagged_as_an_underpayment()
    {
        var era = await Scenario("underpaid");
        await cluster.Grains.GetGrain<Abstractions.Practices.IPracticeGrain>("underpaid").SetFeeSchedule(
            new Abstractions.Practices.FeeScheduleRates(Payer, [new Abstractions.Practices.FeeRate("99211", null, 520.00m), new Abstractions.Practices.FeeRate("93555", null, 500.00m)]));
        var remittance = ManagedCare() with
        {
            Claims = [.. ManagedCare().Claims.Select(c => c with { Services = [.. c.Services.Select(s => s with { Allowed = s.Paid })] })],
        };

        var report = await era.PostAsync(remittance);

        var underpaid = Assert.Single(report.Underpayments);
        Assert.Equal(("5554555444", "99211", 500.00m, 520.00m), (underpaid.ClaimId, underpaid.Code, underpaid.Allowed, underpaid.Expected));
    }

    [Fact]
    public async Task A_fee_schedule_rate_is_per_unit_paid()
    {
        var era = await Scenario("underpaid-units");
        await cluster.Grains.GetGrain<Abstractions.Practices.IPracticeGrain>("underpaid-units").SetFeeSchedule(
            new Abstractions.Practices.FeeScheduleRates(Payer, [new Abstractions.Practices.FeeRate("99211", null, 400.00m), new Abstractions.Practices.FeeRate("93555", null, 300.00m)]));
        var remittance = ManagedCare() with
        {
            Claims = [.. ManagedCare().Claims.Select(c => c with { Services = [.. c.Services.Select(s => s with { Allowed = s.Paid, Units = s.Code == "93555" ? 2m : 1m })] })],
        };

        var report = await era.PostAsync(remittance);

        // 99211: 500.00 allowed for one unit at 400.00 is fine; 93555: 550.00 for two units at 300.00 is 50.00 short.
        var underpaid = Assert.Single(report.Underpayments);
        Assert.Equal(("93555", 550.00m, 600.00m), (underpaid.Code, underpaid.Allowed, underpaid.Expected));
    }

    private async Task<RemittanceScenario> Scenario(string practiceId)
    {
        var era = new RemittanceScenario(cluster, practiceId);
        await era.SetUpAsync();
        return era;
    }
}
