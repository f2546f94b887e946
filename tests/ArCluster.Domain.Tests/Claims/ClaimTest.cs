using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Tests.TestData;
using ArCluster.Domain.Validation;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Claims;

public class ClaimTest
{
    private const ResponsibleParty Primary = ResponsibleParty.Primary;
    private const ResponsibleParty Secondary = ResponsibleParty.Secondary;
    private const ResponsibleParty Patient = ResponsibleParty.Patient;

    private static PartyBalances Owes(decimal primary, decimal secondary, decimal patient) => new(Usd(primary), Usd(secondary), Usd(patient));

    private static RuleViolation Rejected(Action decide) => Assert.Single(Assert.Throws<RuleViolationException>(decide).Violations);

    private static ClaimPosting StandardEra(Claim claim, string postingId = "ERA-1") =>
        claim.Post(claim.PostPayerPayment(Context(postingId), Eob(Primary,
            Paid(1, 120m, Cas(AdjustmentGroup.CO, "45", 50m), Cas(AdjustmentGroup.PR, "2", 30m)))));

    // Opening

    [Fact]
    public void Opening_bills_every_line_to_the_primary_payer()
    {
        var claim = new ClaimBuilder().Line(200m).Line(50m, "36415").Open();

        Assert.Equal(Owes(250m, 0m, 0m), claim.Balances);
        Assert.Equal(Usd(250m), claim.Totals.Charges);
        Assert.Equal(ClaimStatus.Ready, claim.Status);
        Assert.Equal(1, claim.Version);
        var charges = claim.Postings[0].Entries;
        Assert.Equal(["C100-open/1", "C100-open/2"], charges.Select(e => e.EntryId));
        Assert.All(charges, e => Assert.Equal((EntryKind.Charge, Primary, Medicare), (e.Kind, e.Party, e.PayerId)));
        Assert.Equal(Owes(50m, 0m, 0m), claim.LineBalance(2));
    }

    [Fact]
    public void Opening_a_self_pay_claim_bills_the_patient()
    {
        var claim = new ClaimBuilder().SelfPay().Line(95m).Open();

        Assert.Equal(Owes(0m, 0m, 95m), claim.Balances);
        Assert.Null(Assert.Single(claim.Postings[0].Entries).PayerId);
    }

    [Fact]
    public void A_claim_is_rebuilt_only_from_its_opening_posting()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        var payment = StandardEra(claim);

        Assert.Throws<InvalidOperationException>(() => Claim.FromHistory([]));
        Assert.Throws<InvalidOperationException>(() => Claim.FromHistory([payment]));
    }

    // Payer payments

    [Fact]
    public void Payer_payment_writes_off_CO_and_moves_PR_to_the_patient()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        var posting = StandardEra(claim);

        Assert.Equal(Owes(0m, 0m, 30m), claim.Balances);
        Assert.Equal(Usd(120m), claim.Totals.PayerPayments);
        Assert.Equal(Usd(50m), claim.Totals.Adjustments);
        Assert.Equal(ClaimStatus.Paid, claim.Status);
        Assert.Equal("PCN-778899", posting.PayerClaimControlNumber);
        Assert.Collection(posting.Entries,
            e => Assert.Equal((EntryKind.PayerPayment, Usd(120m), Primary), (e.Kind, e.Amount, e.Party)),
            e => Assert.Equal((EntryKind.Adjustment, Usd(50m), (AdjustmentGroup?)AdjustmentGroup.CO, "45"), (e.Kind, e.Amount, e.Group, e.Reason?.Value)),
            e => Assert.Equal((EntryKind.Transfer, Usd(30m), Primary, (ResponsibleParty?)Patient, (AdjustmentGroup?)AdjustmentGroup.PR), (e.Kind, e.Amount, e.Party, e.ToParty, e.Group)));
        Assert.All(posting.Entries, e => Assert.Equal(1, e.LineNumber));
    }

    [Fact]
    public void Patient_responsibility_goes_to_the_secondary_when_the_claim_has_one()
    {
        var claim = new ClaimBuilder().WithSecondary().Line(200m).Open();

        StandardEra(claim);
        Assert.Equal(Owes(0m, 30m, 0m), claim.Balances);

        claim.Post(claim.PostPayerPayment(Context("ERA-2"), Eob(Secondary, Paid(1, 20m, Cas(AdjustmentGroup.PR, "3", 10m)))));
        Assert.Equal(Owes(0m, 0m, 10m), claim.Balances);
        Assert.Equal(Commercial, claim.Postings[^1].Entries[0].PayerId);

        claim.Post(claim.ApplyPatientPayment(Context("PAY-1"), PatientPays(10m))!);
        Assert.Equal(PartyBalances.Zero, claim.Balances);
        Assert.Equal(ClaimStatus.Closed, claim.Status);
    }

    [Fact]
    public void An_underpayment_leaves_the_claim_partially_paid()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 100m, Cas(AdjustmentGroup.CO, "45", 50m)))));

        Assert.Equal(ClaimStatus.PartiallyPaid, claim.Status);
        Assert.Equal(Owes(50m, 0m, 0m), claim.Balances);
    }

    [Fact]
    public void Paid_in_full_with_contractual_write_off_closes_the_claim()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 150m, Cas(AdjustmentGroup.CO, "45", 50m)))));

        Assert.Equal(ClaimStatus.Closed, claim.Status);
        Assert.Equal(PartyBalances.Zero, claim.Balances);
    }

    [Fact]
    public void A_payer_credit_against_a_patient_balance_keeps_the_claim_open()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        // Overpaid by 20.00 while 20.00 coinsurance moved to the patient: the total is zero, but the
        // payer must be refunded and the patient billed.
        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 200m, Cas(AdjustmentGroup.PR, "2", 20m)))));

        Assert.Equal(Owes(-20m, 0m, 20m), claim.Balances);
        Assert.NotEqual(ClaimStatus.Closed, claim.Status);
    }

    [Fact]
    public void Appealing_a_written_off_denial_keeps_the_claim_appealed()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 0m, Cas(AdjustmentGroup.CO, "50", 200m)))));

        claim.Post(claim.ChangeStatus(Context("APPEAL-1"), new StatusChangeCommand(ClaimStatus.Appealed, "medical necessity letter sent")));

        Assert.Equal(ClaimStatus.Appealed, claim.Status);
    }

    [Fact]
    public void A_claim_the_payer_paid_nothing_on_is_denied_even_when_nothing_is_left_to_collect()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 0m, Cas(AdjustmentGroup.CO, "50", 200m)))));

        Assert.Equal(ClaimStatus.Denied, claim.Status);
        Assert.Equal(PartyBalances.Zero, claim.Balances);
        Assert.DoesNotContain(claim.Postings[^1].Entries, e => e.Kind == EntryKind.PayerPayment);
    }

    [Fact]
    public void A_claim_processed_at_zero_paid_because_of_the_deductible_is_not_a_denial()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 0m, Cas(AdjustmentGroup.CO, "45", 60m), Cas(AdjustmentGroup.PR, "1", 140m)))));

        Assert.Equal(Owes(0m, 0m, 140m), claim.Balances);
        Assert.Equal(ClaimStatus.Paid, claim.Status);
    }

    [Fact]
    public void Claim_level_adjustments_sit_beside_the_lines_and_still_balance()
    {
        var claim = new ClaimBuilder().Line(100m).Line(100m).Open();

        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary,
            [Paid(1, 80m), Paid(2, 80m)],
            [Cas(AdjustmentGroup.CO, "45", 30m), Cas(AdjustmentGroup.PR, "3", 10m)])));

        Assert.Equal(Owes(20m, 0m, 0m), claim.LineBalance(1));
        Assert.Equal(Owes(20m, 0m, 0m), claim.LineBalance(2));
        Assert.Equal(Owes(-40m, 0m, 10m), claim.ClaimLevelBalance);
        Assert.Equal(Owes(0m, 0m, 10m), claim.Balances);
        Assert.Equal(ClaimStatus.Paid, claim.Status);
    }

    [Fact]
    public void A_payment_from_a_secondary_the_claim_does_not_have_is_rejected()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        var violation = Rejected(() => claim.PostPayerPayment(Context("ERA-1"), Eob(Secondary, Paid(1, 20m))));

        Assert.Equal("payer", violation.Field);
        Assert.Contains("no secondary payer", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_not_on_the_claim_is_rejected_with_its_number()
    {
        var claim = new ClaimBuilder().Line(200m).Line(40m).Open();

        var error = Assert.Throws<RuleViolationException>(() =>
            claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 100m), Paid(7, 20m))));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("lines[1].lineNumber", violation.Field);
        Assert.Contains("line 7 is not on claim 'C100'", violation.Message, StringComparison.Ordinal);
        Assert.Contains("lines 1 to 2", violation.Message, StringComparison.Ordinal);
        Assert.Equal("lineNumber", Rejected(() => claim.ApplyPatientPayment(Context("PAY-1"), PatientPays(10m, line: 3))).Field);
        Assert.Equal("lineNumber", Rejected(() => claim.WriteOff(Context("WO-1"), new WriteOffCommand(Primary, AdjustmentGroup.CO, Carc("45"), 0, Today, null))).Field);
    }

    [Fact]
    public void Negative_duplicate_or_empty_payer_payments_are_rejected()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        Assert.Equal("lines[0].paid", Rejected(() => claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, new LinePayment(1, Usd(-5m), [])))).Field);
        Assert.Equal("lines", Rejected(() => claim.PostPayerPayment(Context("ERA-2"), Eob(Primary, Paid(1, 5m), Paid(1, 5m)))).Field);
        Assert.Equal("lines", Rejected(() => claim.PostPayerPayment(Context("ERA-3"), Eob(Primary))).Field);
        Assert.Equal(1, claim.Version);
    }

    // Patient payments

    [Fact]
    public void A_patient_payment_pays_the_oldest_service_first_and_never_more_than_the_patient_owes()
    {
        var claim = new ClaimBuilder().SelfPay().Line(100m, daysAgo: 10).Line(60m, daysAgo: 40).Open();

        var first = claim.Post(claim.ApplyPatientPayment(Context("PAY-1"), PatientPays(130m))!);
        Assert.Equal([(2, Usd(60m)), (1, Usd(70m))], first.Entries.Select(e => (e.LineNumber!.Value, e.Amount)));

        var second = claim.Post(claim.ApplyPatientPayment(Context("PAY-2"), PatientPays(500m))!);
        Assert.Equal(Usd(30m), second.Amount(EntryKind.PatientPayment));
        Assert.Equal(PartyBalances.Zero, claim.Balances);
        Assert.Equal(ClaimStatus.Closed, claim.Status);

        Assert.Null(claim.ApplyPatientPayment(Context("PAY-3"), PatientPays(20m)));
    }

    [Fact]
    public void A_patient_payment_for_one_line_stays_on_that_line()
    {
        var claim = new ClaimBuilder().SelfPay().Line(100m, daysAgo: 10).Line(60m, daysAgo: 40).Open();

        claim.Post(claim.ApplyPatientPayment(Context("PAY-1"), PatientPays(150m, line: 1))!);

        Assert.Equal(Owes(0m, 0m, 0m), claim.LineBalance(1));
        Assert.Equal(Owes(0m, 0m, 60m), claim.LineBalance(2));
    }

    [Fact]
    public void A_patient_payment_is_capped_at_what_the_patient_owes_across_the_whole_claim()
    {
        var claim = new ClaimBuilder().Line(100m).Open();
        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 60m, Cas(AdjustmentGroup.PR, "2", 40m)))));
        claim.Post(claim.PostPayerPayment(Context("ERA-2"), Eob(Primary, [], [Cas(AdjustmentGroup.PR, "2", -40m)])));
        Assert.Equal(Owes(40m, 0m, 0m), claim.Balances);

        Assert.Null(claim.ApplyPatientPayment(Context("PAY-1"), PatientPays(40m)));
    }

    [Fact]
    public void A_patient_payment_of_nothing_is_rejected() =>
        Assert.Equal("amount", Rejected(() => new ClaimBuilder().SelfPay().Open().ApplyPatientPayment(Context("PAY-1"), PatientPays(0m))).Field);

    // Adjustments, transfers, write-offs

    [Fact]
    public void An_adjustment_larger_than_the_balance_is_rejected()
    {
        var claim = new ClaimBuilder().Line(200m).Line(50m).Open();

        var onLine = Rejected(() => claim.PostAdjustment(Context("ADJ-1"), new AdjustmentCommand(1, Primary, AdjustmentGroup.CO, Carc("45"), Usd(200.01m), Today, null)));
        var onClaim = Rejected(() => claim.PostAdjustment(Context("ADJ-2"), new AdjustmentCommand(null, Primary, AdjustmentGroup.CO, Carc("45"), Usd(250.01m), Today, null)));

        Assert.Equal("amount", onLine.Field);
        Assert.Contains("200.01 is more than the primary payer balance of 200.00 on line 1", onLine.Message, StringComparison.Ordinal);
        Assert.Contains("balance of 250.00 on the claim", onClaim.Message, StringComparison.Ordinal);
        claim.Post(claim.PostAdjustment(Context("ADJ-3"), new AdjustmentCommand(1, Primary, AdjustmentGroup.CO, Carc("45"), Usd(200m), Today, null)));
        Assert.Equal(Owes(50m, 0m, 0m), claim.Balances);
    }

    [Fact]
    public void A_claim_level_write_off_already_taken_cannot_be_adjusted_away_again()
    {
        var claim = new ClaimBuilder().Line(100m).Open();
        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, [Paid(1, 50m)], [Cas(AdjustmentGroup.CO, "45", 30m)])));
        Assert.Equal(Owes(20m, 0m, 0m), claim.Balances);

        var violation = Rejected(() => claim.PostAdjustment(Context("ADJ-1"), new AdjustmentCommand(null, Primary, AdjustmentGroup.CO, Carc("45"), Usd(50m), Today, null)));
        Assert.Contains("balance of 20.00", violation.Message, StringComparison.Ordinal);

        claim.Post(claim.WriteOff(Context("WO-1"), new WriteOffCommand(Primary, AdjustmentGroup.CO, Carc("45"), null, Today, null)));
        Assert.Equal(PartyBalances.Zero, claim.Balances);
        Assert.Equal(ClaimStatus.Closed, claim.Status);
    }

    [Fact]
    public void A_debit_adjustment_raises_the_balance_and_a_zero_one_is_refused()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        claim.Post(claim.PostAdjustment(Context("ADJ-1"), new AdjustmentCommand(1, Primary, AdjustmentGroup.CO, Carc("45"), Usd(-15m), Today, "late charge correction")));

        Assert.Equal(Owes(215m, 0m, 0m), claim.Balances);
        Assert.Equal(Usd(-15m), claim.Totals.Adjustments);
        Assert.Equal("late charge correction", claim.Postings[^1].Memo);
        Assert.Equal("amount", Rejected(() => claim.PostAdjustment(Context("ADJ-2"), new AdjustmentCommand(1, Primary, AdjustmentGroup.CO, Carc("45"), Money.Zero, Today, null))).Field);
        Assert.Equal("party", Rejected(() => claim.PostAdjustment(Context("ADJ-3"), new AdjustmentCommand(1, Secondary, AdjustmentGroup.CO, Carc("45"), Usd(1m), Today, null))).Field);
    }

    [Fact]
    public void A_transfer_without_an_amount_moves_the_whole_balance()
    {
        var claim = new ClaimBuilder().WithSecondary().Line(200m).Line(50m).Open();

        var posting = claim.Post(claim.Transfer(Context("TR-1"), new TransferCommand(Primary, Secondary, null, null, Today, "primary terminated coverage")));

        Assert.Equal(Owes(0m, 250m, 0m), claim.Balances);
        Assert.Equal(2, posting.Entries.Length);
        Assert.All(posting.Entries, e => Assert.Equal((EntryKind.Transfer, Primary, (ResponsibleParty?)Secondary, Medicare), (e.Kind, e.Party, e.ToParty, e.PayerId)));
        Assert.Equal(claim.Totals.Charges, claim.Totals.Balance);
    }

    [Fact]
    public void A_partial_transfer_moves_oldest_service_first()
    {
        var claim = new ClaimBuilder().Line(200m, daysAgo: 5).Line(50m, daysAgo: 20).Open();

        claim.Post(claim.Transfer(Context("TR-1"), new TransferCommand(Primary, Patient, null, Usd(80m), Today, null)));

        Assert.Equal(Owes(0m, 0m, 50m), claim.LineBalance(2));
        Assert.Equal(Owes(170m, 0m, 30m), claim.LineBalance(1));
        Assert.Equal(Owes(170m, 0m, 80m), claim.Balances);
    }

    [Fact]
    public void Transfers_that_cannot_happen_are_rejected_with_the_reason()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        Assert.Contains("more than the primary payer balance of 200.00",
            Rejected(() => claim.Transfer(Context("TR-1"), new TransferCommand(Primary, Patient, null, Usd(200.01m), Today, null))).Message, StringComparison.Ordinal);
        Assert.Equal("to", Rejected(() => claim.Transfer(Context("TR-2"), new TransferCommand(Primary, Primary, null, null, Today, null))).Field);
        Assert.Equal("to", Rejected(() => claim.Transfer(Context("TR-3"), new TransferCommand(Primary, Secondary, null, null, Today, null))).Field);
        Assert.Equal("amount", Rejected(() => claim.Transfer(Context("TR-4"), new TransferCommand(Primary, Patient, null, Usd(-1m), Today, null))).Field);
        Assert.Contains("the patient owes nothing",
            Rejected(() => claim.Transfer(Context("TR-5"), new TransferCommand(Patient, Primary, null, null, Today, null))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_off_clears_what_the_party_owes_line_by_line()
    {
        var claim = new ClaimBuilder().SelfPay().Line(100m).Line(12.5m).Open();

        var posting = claim.Post(claim.WriteOff(Context("WO-1"), new WriteOffCommand(Patient, AdjustmentGroup.OA, Carc("45"), null, Today, "small balance")));

        Assert.Equal([Usd(100m), Usd(12.5m)], posting.Entries.Select(e => e.Amount));
        Assert.All(posting.Entries, e => Assert.Equal((EntryKind.Adjustment, (AdjustmentGroup?)AdjustmentGroup.OA), (e.Kind, e.Group)));
        Assert.Equal(PartyBalances.Zero, claim.Balances);
        Assert.Equal(ClaimStatus.Closed, claim.Status);
        Assert.Contains("nothing to write off",
            Rejected(() => claim.WriteOff(Context("WO-2"), new WriteOffCommand(Patient, AdjustmentGroup.OA, Carc("45"), null, Today, null))).Message, StringComparison.Ordinal);
    }

    // Refunds

    [Fact]
    public void Only_a_credit_can_be_refunded()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        Assert.Contains("credit of 0.00",
            Rejected(() => claim.Refund(Context("RF-0"), new RefundCommand(Primary, Usd(1m), null, Today, null))).Message, StringComparison.Ordinal);

        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 250m))));
        Assert.Equal(Owes(-50m, 0m, 0m), claim.Balances);
        Assert.Equal(ClaimStatus.Paid, claim.Status);

        Assert.Contains("50.01 is more than the primary payer credit of 50.00",
            Rejected(() => claim.Refund(Context("RF-1"), new RefundCommand(Primary, Usd(50.01m), null, Today, null))).Message, StringComparison.Ordinal);
        Assert.Equal("amount", Rejected(() => claim.Refund(Context("RF-2"), new RefundCommand(Primary, Money.Zero, null, Today, null))).Field);

        claim.Post(claim.Refund(Context("RF-3"), new RefundCommand(Primary, Usd(50m), null, Today, "overpayment returned")));
        Assert.Equal(PartyBalances.Zero, claim.Balances);
        Assert.Equal(Usd(50m), claim.Totals.Refunds);
        Assert.Equal(ClaimStatus.Closed, claim.Status);
    }

    // Reversals

    [Fact]
    public void Reversing_a_payment_restores_the_balance_and_keeps_both_in_history()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        var payment = StandardEra(claim);

        var reversal = claim.Post(claim.Reverse(Context("ERA-2-REV"), new ReverseCommand("ERA-1", Today, "CLP02=22")));

        Assert.Equal(Owes(200m, 0m, 0m), claim.Balances);
        Assert.Equal(LedgerTotals.Zero with { Charges = Usd(200m) }, claim.Totals);
        Assert.Equal(payment.Entries.Select(e => e.EntryId), reversal.Entries.Select(e => e.Reverses));
        Assert.All(reversal.Entries, e => Assert.Equal(EntryKind.Reversal, e.Kind));
        Assert.Equal([ClaimOperation.Open, ClaimOperation.PayerPayment, ClaimOperation.Reversal], claim.Postings.Select(p => p.Operation));
        Assert.Same(payment, claim.Find("ERA-1"));
    }

    [Fact]
    public void A_single_entry_can_be_reversed_and_then_the_rest_of_its_posting()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        StandardEra(claim);

        claim.Post(claim.Reverse(Context("REV-1"), new ReverseCommand("ERA-1/2", Today, "CO-45 posted in error")));
        Assert.Equal(Owes(50m, 0m, 30m), claim.Balances);

        var rest = claim.Post(claim.Reverse(Context("REV-2"), new ReverseCommand("ERA-1", Today, null)));
        Assert.Equal(["ERA-1/1", "ERA-1/3"], rest.Entries.Select(e => e.Reverses));
        Assert.Equal(Owes(200m, 0m, 0m), claim.Balances);
    }

    [Fact]
    public void Reversing_twice_or_reversing_a_reversal_is_rejected()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        StandardEra(claim);
        claim.Post(claim.Reverse(Context("REV-1"), new ReverseCommand("ERA-1", Today, null)));

        Assert.Contains("already reversed", Rejected(() => claim.Reverse(Context("REV-2"), new ReverseCommand("ERA-1", Today, null))).Message, StringComparison.Ordinal);
        Assert.Contains("already reversed", Rejected(() => claim.Reverse(Context("REV-3"), new ReverseCommand("ERA-1/2", Today, null))).Message, StringComparison.Ordinal);
        Assert.Contains("itself a reversal", Rejected(() => claim.Reverse(Context("REV-4"), new ReverseCommand("REV-1", Today, null))).Message, StringComparison.Ordinal);
        Assert.Contains("neither a posting nor an entry", Rejected(() => claim.Reverse(Context("REV-5"), new ReverseCommand("ERA-9", Today, null))).Message, StringComparison.Ordinal);
        Assert.Equal(3, claim.Version);
    }

    [Fact]
    public void A_patient_payment_is_reversed_through_its_account_not_on_the_claim()
    {
        var claim = new ClaimBuilder().SelfPay().Line(100m).Open();
        claim.Post(claim.ApplyPatientPayment(Context("PAY-1"), PatientPays(40m))!);

        var violation = Rejected(() => claim.Reverse(Context("REV-1"), new ReverseCommand("PAY-1", Today, "returned check")));
        Assert.Contains("reverse the payment on account 'A-1001'", violation.Message, StringComparison.Ordinal);

        claim.Post(claim.Reverse(Context("REV-1"), new ReverseCommand("PAY-1", Today, "returned check"), patientPaymentsAllowed: true));
        Assert.Equal(Owes(0m, 0m, 100m), claim.Balances);
        Assert.Equal(Money.Zero, claim.Totals.PatientPayments);
    }

    [Fact]
    public void A_reversal_reopens_a_closed_claim_in_the_status_it_had()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        claim.Post(claim.ChangeStatus(Context("ST-1"), new StatusChangeCommand(ClaimStatus.Submitted, null)));
        claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 150m, Cas(AdjustmentGroup.CO, "45", 50m)))));
        Assert.Equal(ClaimStatus.Closed, claim.Status);

        claim.Post(claim.Reverse(Context("REV-1"), new ReverseCommand("ERA-1", Today, null)));

        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Equal(Owes(200m, 0m, 0m), claim.Balances);
    }

    // Status

    [Fact]
    public void Status_changes_follow_the_life_cycle_and_post_no_money()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        var submitted = claim.Post(claim.ChangeStatus(Context("ST-1"), new StatusChangeCommand(ClaimStatus.Submitted, "batch 17")));
        claim.Post(claim.ChangeStatus(Context("ST-2"), new StatusChangeCommand(ClaimStatus.Accepted, "277CA")));

        Assert.Empty(submitted.Entries);
        Assert.Equal(ClaimStatus.Accepted, claim.Status);
        Assert.Equal(Owes(200m, 0m, 0m), claim.Balances);
        var violation = Rejected(() => claim.ChangeStatus(Context("ST-3"), new StatusChangeCommand(ClaimStatus.Draft, null)));
        Assert.Equal("status", violation.Field);
        Assert.Contains("a Accepted claim cannot become Draft; allowed: ", violation.Message, StringComparison.Ordinal);
        Assert.All(["Paid", "PartiallyPaid", "Denied"], allowed => Assert.Contains(allowed, violation.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_closed_claim_cannot_be_moved_by_hand()
    {
        var claim = new ClaimBuilder().SelfPay().Line(20m).Open();
        claim.Post(claim.ApplyPatientPayment(Context("PAY-1"), PatientPays(20m))!);

        var violation = Rejected(() => claim.ChangeStatus(Context("ST-1"), new StatusChangeCommand(ClaimStatus.Appealed, null)));

        Assert.Contains("it follows its balance", violation.Message, StringComparison.Ordinal);
    }

    // Deciding versus applying

    [Fact]
    public void Deciding_a_posting_changes_nothing_until_it_is_applied()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        var decided = claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 200m)));

        Assert.Equal(1, claim.Version);
        Assert.Equal(Owes(200m, 0m, 0m), claim.Balances);
        Assert.Null(claim.Find("ERA-1"));
        Assert.Equal(2, decided.Version);
    }

    [Fact]
    public void Two_postings_decided_on_the_same_version_cannot_both_be_applied()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        var first = claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 100m)));
        var racing = claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 100m)));

        claim.Apply(first);

        Assert.Throws<InvalidOperationException>(() => claim.Apply(racing));
        Assert.Equal(Owes(100m, 0m, 0m), claim.Balances);
        Assert.Same(first, claim.Find("ERA-1"));
    }

    [Fact]
    public void A_retried_posting_id_finds_the_original_and_cannot_be_applied_a_second_time()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        var original = claim.Post(claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 100m))));
        var before = (claim.Version, claim.Balances, claim.Totals, claim.LineBalancesText());

        Assert.Same(original, claim.Find("ERA-1"));
        var retried = claim.PostPayerPayment(Context("ERA-1"), Eob(Primary, Paid(1, 100m)));

        Assert.Throws<InvalidOperationException>(() => claim.Apply(retried));
        Assert.Equal(before, (claim.Version, claim.Balances, claim.Totals, claim.LineBalancesText()));
        Assert.Same(original, claim.Find("ERA-1"));
    }
}
