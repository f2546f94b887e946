using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Reconciliation;
using static ArCluster.Domain.Tests.Reconciliation.CashEntries;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Reconciliation;

/// <summary>Where each kind of ledger entry lands in the lines a supervisor reconciles, and how a reversal takes it out again.</summary>
public class ReconciliationTotalsTest
{
    private static readonly DateOnly Friday = Monday.AddDays(4);

    /// <summary>One entry of each kind, every one naming Medicare, so a line that must carry no payer is seen to drop it.</summary>
    private static LedgerEntry Typical(EntryKind kind) => kind switch
    {
        EntryKind.Adjustment => Adjustment("E/1", AdjustmentGroup.CO, 125.40m),
        EntryKind.Transfer => Transfer("E/1", ResponsibleParty.Primary, ResponsibleParty.Patient, 125.40m),
        EntryKind.RemittanceAdvice => Advice("E/1", "TRN-1", 125.40m),
        EntryKind.Deposit => Deposit("E/1", "TRN-1", 125.40m),
        _ => Entry("E/1", kind, 125.40m),
    };

    [Theory]
    [InlineData(EntryKind.Charge, TotalCategory.Charges, "", "")]
    [InlineData(EntryKind.PayerPayment, TotalCategory.PayerPayments, Medicare, "")]
    [InlineData(EntryKind.PatientPayment, TotalCategory.PatientPayments, "", "")]
    [InlineData(EntryKind.Adjustment, TotalCategory.Adjustments, Medicare, "CO")]
    [InlineData(EntryKind.Transfer, TotalCategory.Transfers, Medicare, "Patient")]
    [InlineData(EntryKind.Refund, TotalCategory.Refunds, "", "")]
    [InlineData(EntryKind.ProviderAdjustment, TotalCategory.ProviderAdjustments, Medicare, "")]
    [InlineData(EntryKind.RemittanceAdvice, TotalCategory.RemittanceAdvices, Medicare, "")]
    [InlineData(EntryKind.Deposit, TotalCategory.Deposits, "", "")]
    public void Each_kind_of_entry_counts_on_its_own_line(EntryKind kind, TotalCategory category, string payer, string detail)
    {
        var contributions = ReconciliationTotals.Contributions(Typical(kind));

        Assert.Equal([new(new TotalKey(Monday, category, payer, detail), Usd(125.40m))], contributions);
    }

    [Theory]
    [InlineData(EntryKind.Charge)]
    [InlineData(EntryKind.PayerPayment)]
    [InlineData(EntryKind.PatientPayment)]
    [InlineData(EntryKind.Adjustment)]
    [InlineData(EntryKind.Transfer)]
    [InlineData(EntryKind.Refund)]
    [InlineData(EntryKind.ProviderAdjustment)]
    [InlineData(EntryKind.RemittanceAdvice)]
    [InlineData(EntryKind.Deposit)]
    public void A_reversal_on_the_same_day_nets_its_original_to_zero_on_the_original_line(EntryKind kind)
    {
        var original = Typical(kind);
        var totals = new ReconciliationTotals();
        var line = Assert.Single(totals.Apply(original));

        var changed = totals.Apply(original.ReversedBy("R/1", Monday, "posted in error"));

        Assert.Equal([line], changed);
        Assert.Equal(Money.Zero, totals[line]);
        Assert.Equal(Money.Zero, ReconciliationTotals.Contributions(original).Concat(ReconciliationTotals.Contributions(original.ReversedBy("R/1", Monday, null)))
            .Aggregate(Money.Zero, (sum, c) => sum + c.Value));
    }

    [Fact]
    public void Every_kind_of_entry_but_a_reversal_has_a_line_so_no_money_goes_uncounted()
    {
        foreach (var kind in Enum.GetValues<EntryKind>().Where(k => k != EntryKind.Reversal))
        {
            var contribution = Assert.Single(ReconciliationTotals.Contributions(Typical(kind)));
            Assert.Equal(Usd(125.40m), contribution.Value);
        }
    }

    [Fact]
    public void A_reversal_posted_days_later_comes_off_the_later_day_in_the_original_category()
    {
        var payment = Entry("ERA-1/3", EntryKind.PayerPayment, 150m);
        var totals = new ReconciliationTotals();
        totals.Apply(payment);

        totals.Apply(payment.ReversedBy("ERA-2/1", Friday, "payer take-back"));

        Assert.Equal(Usd(150m), totals[new TotalKey(Monday, TotalCategory.PayerPayments, Medicare, "")]);
        Assert.Equal(Usd(-150m), totals[new TotalKey(Friday, TotalCategory.PayerPayments, Medicare, "")]);
        Assert.Equal([new(new TotalKey(Friday, TotalCategory.PayerPayments, Medicare, ""), Usd(-150m))], totals.Between(Friday, Friday));
        Assert.Equal(Money.Zero, ReconciliationFigures.Of(totals.Between(Monday, Friday)).PayerPayments);
    }

    [Fact]
    public void Transfers_count_by_the_party_now_owing_and_the_payer_that_passed_the_balance_on()
    {
        var totals = new ReconciliationTotals();

        totals.Apply(Transfer("T/1", ResponsibleParty.Primary, ResponsibleParty.Secondary, 80m));
        totals.Apply(Transfer("T/2", ResponsibleParty.Primary, ResponsibleParty.Patient, 20m));
        totals.Apply(Transfer("T/3", ResponsibleParty.Secondary, ResponsibleParty.Patient, 5m, Commercial));
        totals.Apply(Transfer("T/4", ResponsibleParty.Primary, ResponsibleParty.Patient, 2.50m));

        Assert.Equal(Usd(80m), totals[new TotalKey(Monday, TotalCategory.Transfers, Medicare, "Secondary")]);
        Assert.Equal(Usd(22.50m), totals[new TotalKey(Monday, TotalCategory.Transfers, Medicare, "Patient")]);
        Assert.Equal(Usd(5m), totals[new TotalKey(Monday, TotalCategory.Transfers, Commercial, "Patient")]);
        Assert.Equal(3, totals.Lines.Count);
    }

    [Fact]
    public void Adjustments_are_split_by_CAS_group_and_payer()
    {
        var totals = new ReconciliationTotals();

        totals.Apply(Adjustment("A/1", AdjustmentGroup.CO, 50m));
        totals.Apply(Adjustment("A/2", AdjustmentGroup.PR, 30m));
        totals.Apply(Adjustment("A/3", AdjustmentGroup.OA, 5m));
        totals.Apply(Adjustment("A/4", AdjustmentGroup.PI, 2m));
        totals.Apply(Adjustment("A/5", AdjustmentGroup.CO, 7m, Commercial));

        Assert.Equal(
            [("CO", Medicare, 50m), ("CO", Commercial, 7m), ("OA", Medicare, 5m), ("PI", Medicare, 2m), ("PR", Medicare, 30m)],
            totals.Lines.Where(l => l.Key.Category == TotalCategory.Adjustments)
                .OrderBy(l => l.Key.Detail, StringComparer.Ordinal).ThenBy(l => l.Key.Payer, StringComparer.Ordinal)
                .Select(l => (l.Key.Detail, l.Key.Payer, l.Value.Amount)));
    }

    [Fact]
    public void A_debit_adjustment_counts_negatively_and_its_reversal_puts_the_write_off_back()
    {
        var debit = Adjustment("A/1", AdjustmentGroup.CO, -10m);
        var totals = new ReconciliationTotals();
        var line = Assert.Single(totals.Apply(debit));

        Assert.Equal(Usd(-10m), totals[line]);
        totals.Apply(debit.ReversedBy("A/2", Monday, null));
        Assert.Equal(Money.Zero, totals[line]);
    }

    [Fact]
    public void Deposits_reconcile_per_day_not_per_payer_because_a_bank_credit_does_not_carry_the_835_payer_id()
    {
        var totals = new ReconciliationTotals();

        totals.Apply(Deposit("D/1", "TRN-1", 400m, Medicare));
        totals.Apply(Deposit("D/2", "TRN-2", 100m, payer: null));

        Assert.Equal([new(new TotalKey(Monday, TotalCategory.Deposits, "", ""), Usd(500m))], totals.Lines);
    }

    [Fact]
    public void Charges_patient_payments_and_refunds_carry_no_payer_even_when_the_entry_names_one()
    {
        var totals = new ReconciliationTotals();

        totals.Apply(Entry("C/1", EntryKind.Charge, 200m, Medicare));
        totals.Apply(Entry("C/2", EntryKind.Charge, 100m, Commercial));
        totals.Apply(Entry("C/3", EntryKind.Charge, 50m, payer: null));
        totals.Apply(Entry("P/1", EntryKind.PatientPayment, 20m, Medicare) with { Party = ResponsibleParty.Patient });
        totals.Apply(Entry("F/1", EntryKind.Refund, 15m, Commercial));

        Assert.Equal(Usd(350m), totals[new TotalKey(Monday, TotalCategory.Charges, "", "")]);
        Assert.Equal(Usd(20m), totals[new TotalKey(Monday, TotalCategory.PatientPayments, "", "")]);
        Assert.Equal(Usd(15m), totals[new TotalKey(Monday, TotalCategory.Refunds, "", "")]);
        Assert.All(totals.Lines.Keys, key => Assert.Equal("", key.Payer));
        Assert.Empty(ReconciliationFigures.ByPayer(totals.Lines));
    }

    [Fact]
    public void A_payer_payment_without_a_payer_is_still_counted_on_the_blank_payer_line()
    {
        var totals = new ReconciliationTotals();

        totals.Apply(Entry("P/1", EntryKind.PayerPayment, 60m, payer: null));

        Assert.Equal(Usd(60m), totals[new TotalKey(Monday, TotalCategory.PayerPayments, "", "")]);
    }

    [Fact]
    public void A_preview_shows_the_new_amounts_and_changes_nothing_until_they_are_set()
    {
        var totals = new ReconciliationTotals();
        totals.Apply(Entry("C/1", EntryKind.Charge, 200m));
        var charges = new TotalKey(Monday, TotalCategory.Charges, "", "");
        var payments = new TotalKey(Monday, TotalCategory.PayerPayments, Medicare, "");

        var preview = totals.Preview([Entry("C/2", EntryKind.Charge, 50m), Entry("P/1", EntryKind.PayerPayment, 120m), Entry("C/3", EntryKind.Charge, 25m)]);

        Assert.Equal(Usd(275m), preview[charges]);
        Assert.Equal(Usd(120m), preview[payments]);
        Assert.Equal(2, preview.Count);
        Assert.Equal(Usd(200m), totals[charges]);
        Assert.Equal(Money.Zero, totals[payments]);

        totals.Set(preview);

        Assert.Equal(Usd(275m), totals[charges]);
        Assert.Equal(Usd(120m), totals[payments]);
    }

    [Fact]
    public void Totals_restored_from_stored_lines_carry_on_where_they_left_off()
    {
        var live = new ReconciliationTotals();
        live.Apply(Entry("C/1", EntryKind.Charge, 200m));
        live.Apply(Entry("P/1", EntryKind.PayerPayment, 120m));

        var restored = new ReconciliationTotals(live.Lines.ToArray());
        restored.Apply(Entry("P/2", EntryKind.PayerPayment, 30m));
        live.Apply(Entry("P/2", EntryKind.PayerPayment, 30m));

        Assert.Empty(restored.CompareWith(live, DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Equal(Usd(150m), restored[new TotalKey(Monday, TotalCategory.PayerPayments, Medicare, "")]);
    }

    [Fact]
    public void Between_returns_only_the_lines_of_the_days_asked_for()
    {
        var totals = new ReconciliationTotals();
        totals.Apply(Entry("C/1", EntryKind.Charge, 10m, day: Monday.AddDays(-1)));
        totals.Apply(Entry("C/2", EntryKind.Charge, 20m, day: Monday));
        totals.Apply(Entry("C/3", EntryKind.Charge, 30m, day: Friday));
        totals.Apply(Entry("C/4", EntryKind.Charge, 40m, day: Friday.AddDays(1)));

        Assert.Equal([20m, 30m], totals.Between(Monday, Friday).Select(l => l.Value.Amount).Order());
    }

    [Fact]
    public void Verification_names_each_line_that_differs_with_what_the_journal_says_and_what_was_kept()
    {
        var journal = new ReconciliationTotals();
        var kept = new ReconciliationTotals();
        foreach (var entry in new[] { Entry("C/1", EntryKind.Charge, 200m), Entry("P/1", EntryKind.PayerPayment, 120m, day: Friday) })
        {
            journal.Apply(entry);
            kept.Apply(entry);
        }

        journal.Apply(Adjustment("A/1", AdjustmentGroup.CO, 80m, day: Friday));
        kept.Apply(Entry("P/2", EntryKind.PayerPayment, 5m, Commercial));
        kept.Apply(Entry("P/1", EntryKind.PayerPayment, 120m, day: Friday) with { EntryId = "P/1-again" });

        var differences = kept.CompareWith(journal, Monday, Friday);

        Assert.Equal(
            [
                new TotalDifference(new TotalKey(Monday, TotalCategory.PayerPayments, Commercial, ""), Money.Zero, Usd(5m)),
                new TotalDifference(new TotalKey(Friday, TotalCategory.PayerPayments, Medicare, ""), Usd(120m), Usd(240m)),
                new TotalDifference(new TotalKey(Friday, TotalCategory.Adjustments, Medicare, "CO"), Usd(80m), Money.Zero),
            ],
            differences);
        Assert.Single(kept.CompareWith(journal, Monday, Monday));
        Assert.Empty(kept.CompareWith(journal, Friday.AddDays(1), Friday.AddDays(30)));
        Assert.Empty(journal.CompareWith(journal, DateOnly.MinValue, DateOnly.MaxValue));
    }

    [Fact]
    public void A_line_that_nets_to_zero_is_no_difference_from_a_line_never_written()
    {
        var journal = new ReconciliationTotals();
        var kept = new ReconciliationTotals();
        var charge = Entry("C/1", EntryKind.Charge, 200m);
        kept.Apply(charge);
        kept.Apply(charge.ReversedBy("C/2", Monday, null));

        Assert.Empty(kept.CompareWith(journal, Monday, Monday));
        Assert.Empty(journal.CompareWith(kept, Monday, Monday));
    }
}
