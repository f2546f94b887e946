using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Reconciliation;
using ArCluster.Domain.Remittances;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static ArCluster.Domain.Tests.Reconciliation.CashEntries;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Reconciliation;

/// <summary>The figures a supervisor signs off: sums by category and payer, and the two variances that say whether cash and postings agree.</summary>
public class ReconciliationFiguresTest
{
    private static readonly PayerId MedicarePayer = PayerId.TryParse(Medicare, out var id, out _) ? id : default;

    [Fact]
    public void A_day_of_posting_sums_by_category_with_adjustments_by_CAS_group_and_transfers_by_party()
    {
        var totals = Fold(
            Entry("C/1", EntryKind.Charge, 500m),
            Entry("C/2", EntryKind.Charge, 250m, day: Monday.AddDays(1)),
            Entry("P/1", EntryKind.PayerPayment, 300m),
            Entry("P/2", EntryKind.PayerPayment, 90m, Commercial),
            Entry("P/3", EntryKind.PatientPayment, 40m, payer: null),
            Adjustment("A/1", AdjustmentGroup.CO, 120m),
            Adjustment("A/2", AdjustmentGroup.CO, 10m, Commercial),
            Adjustment("A/3", AdjustmentGroup.PI, 5m),
            Adjustment("A/4", AdjustmentGroup.OA, -2m),
            Transfer("T/1", ResponsibleParty.Primary, ResponsibleParty.Patient, 60m),
            Transfer("T/2", ResponsibleParty.Primary, ResponsibleParty.Secondary, 30m),
            Entry("F/1", EntryKind.Refund, 12m, payer: null),
            Entry("L/1", EntryKind.ProviderAdjustment, 15m),
            Advice("R/1", "TRN-1", 285m),
            Deposit("D/1", "TRN-1", 285m));

        var figures = ReconciliationFigures.Of(totals.Lines);

        Assert.Equal(Usd(750m), figures.Charges);
        Assert.Equal(Usd(390m), figures.PayerPayments);
        Assert.Equal(Usd(40m), figures.PatientPayments);
        Assert.Equal([("CO", 130m), ("OA", -2m), ("PI", 5m)], figures.AdjustmentsByGroup.Select(a => (a.Key, a.Value.Amount)));
        Assert.Equal(Usd(133m), figures.Adjustments);
        Assert.Equal([("Patient", 60m), ("Secondary", 30m)], figures.TransfersByParty.Select(t => (t.Key, t.Value.Amount)));
        Assert.Equal(Usd(12m), figures.Refunds);
        Assert.Equal(Usd(15m), figures.ProviderAdjustments);
        Assert.Equal(Usd(285m), figures.RemittanceAdvices);
        Assert.Equal(Usd(285m), figures.Deposits);
        Assert.Equal(Usd(250m), ReconciliationFigures.Of(totals.Between(Monday.AddDays(1), Monday.AddDays(1))).Charges);
    }

    [Fact]
    public void Nothing_posted_is_all_zero_with_no_groups_or_parties()
    {
        var figures = ReconciliationFigures.Of([]);

        Assert.Equal(Money.Zero, figures.Charges);
        Assert.Empty(figures.AdjustmentsByGroup);
        Assert.Empty(figures.TransfersByParty);
        Assert.Equal(Money.Zero, figures.Adjustments);
        Assert.Equal((Money.Zero, Money.Zero), (figures.DepositVariance, figures.PostingVariance));
    }

    [Fact]
    public void Deposit_variance_is_money_in_the_bank_less_what_the_835s_announced()
    {
        var waitingForEft = ReconciliationFigures.Of(Fold(Advice("R/1", "TRN-1", 1000m), Advice("R/2", "TRN-2", 250m), Deposit("D/1", "TRN-1", 1000m)).Lines);
        var unexplainedMoney = ReconciliationFigures.Of(Fold(Advice("R/1", "TRN-1", 1000m), Deposit("D/1", "TRN-1", 1000m), Deposit("D/2", "CHK-77", 80m)).Lines);

        Assert.Equal(Usd(-250m), waitingForEft.DepositVariance);
        Assert.Equal(Usd(80m), unexplainedMoney.DepositVariance);
    }

    [Fact]
    public void A_fully_posted_835_leaves_no_posting_variance_BPR02_plus_PLB_equals_the_claim_payments()
    {
        // Two claims paid 300.00 and 150.00 (CLP04); a 20.00 overpayment recovery (WO) and 5.00
        // interest (L6) at provider level: BPR02 = 450.00 − (20.00 − 5.00) = 435.00.
        var transaction = Remittance(
            "TRN-835-1",
            [("C100", 400m, 300m), ("C200", 175m, 150m)],
            [new ProviderAdjustmentItem("WO", "C900", Usd(20m)), new ProviderAdjustmentItem("L6", null, Usd(-5m))]);
        Assert.Equal(Usd(435m), transaction.TotalPayment);
        Assert.Empty(RemittanceBalancing.Check(transaction));

        var totals = PostWhole(transaction);
        var figures = ReconciliationFigures.Of(totals.Lines);

        Assert.Equal(Usd(435m), figures.RemittanceAdvices);
        Assert.Equal(Usd(15m), figures.ProviderAdjustments);
        Assert.Equal(Usd(450m), figures.PayerPayments);
        Assert.Equal(Money.Zero, figures.PostingVariance);
        Assert.Equal(Money.Zero, ReconciliationFigures.ByPayer(totals.Lines)[Medicare].PostingVariance);
    }

    [Fact]
    public void A_claim_payment_that_found_no_claim_shows_as_posting_variance_and_a_paper_EOB_as_negative_variance()
    {
        var transaction = Remittance("TRN-835-2", [("C100", 400m, 300m), ("C404", 100m, 80m)], []);
        var totals = new ReconciliationTotals();
        foreach (var entry in RemittancePosting.Of(Context("ERA-2"), transaction, "ACH", _ => null).Entries)
        {
            totals.Apply(entry);
        }

        totals.Apply(Entry("ERA-2:C100/1", EntryKind.PayerPayment, 300m));
        Assert.Equal(Usd(80m), ReconciliationFigures.Of(totals.Lines).PostingVariance);

        totals.Apply(Entry("EOB-9/1", EntryKind.PayerPayment, 125m, Commercial));
        Assert.Equal(Usd(-45m), ReconciliationFigures.Of(totals.Lines).PostingVariance);
        Assert.Equal(Usd(-125m), ReconciliationFigures.ByPayer(totals.Lines)[Commercial].PostingVariance);
    }

    [Fact]
    public void Each_payer_gets_its_own_figures_and_lines_without_a_payer_belong_to_none()
    {
        var totals = Fold(
            Entry("C/1", EntryKind.Charge, 500m),
            Entry("P/1", EntryKind.PayerPayment, 300m),
            Adjustment("A/1", AdjustmentGroup.CO, 100m),
            Entry("P/2", EntryKind.PayerPayment, 90m, Commercial),
            Adjustment("A/2", AdjustmentGroup.PR, 20m, Commercial),
            Entry("P/3", EntryKind.PatientPayment, 40m, payer: null),
            Advice("R/1", "TRN-1", 300m));

        var byPayer = ReconciliationFigures.ByPayer(totals.Lines);

        Assert.Equal([Medicare, Commercial], byPayer.Keys);
        Assert.Equal((Usd(300m), Usd(100m), Usd(300m)), (byPayer[Medicare].PayerPayments, byPayer[Medicare].Adjustments, byPayer[Medicare].RemittanceAdvices));
        Assert.Equal((Usd(90m), Usd(20m), Money.Zero), (byPayer[Commercial].PayerPayments, byPayer[Commercial].AdjustmentsByGroup["PR"], byPayer[Commercial].RemittanceAdvices));
        Assert.All(byPayer.Values, f => Assert.Equal((Money.Zero, Money.Zero), (f.Charges, f.PatientPayments)));
    }

    [Fact]
    public void Figures_over_several_practices_are_the_sums_of_each_practices_figures()
    {
        var riverside = Fold(Entry("C/1", EntryKind.Charge, 500m), Entry("P/1", EntryKind.PayerPayment, 300m), Adjustment("A/1", AdjustmentGroup.CO, 50m));
        var lakeside = Fold(Entry("C/1", EntryKind.Charge, 200m), Entry("P/1", EntryKind.PayerPayment, 100m), Adjustment("A/1", AdjustmentGroup.CO, 25m));

        var company = ReconciliationFigures.Of(riverside.Lines.Concat(lakeside.Lines));

        Assert.Equal((Usd(700m), Usd(400m), Usd(75m)), (company.Charges, company.PayerPayments, company.AdjustmentsByGroup["CO"]));
    }

    private sealed record Era(ImmutableArray<(long Charge, long Paid)> Claims, ImmutableArray<(string Reason, long Cents)> ProviderAdjustments);

    private static readonly Gen<Era> Eras =
        from claimCount in Gen.Choose(0, 8)
        from claims in Gen.ArrayOf(
            from paid in Gen.Frequency((6, Gen.Choose(0, 500_000)), (1, Gen.Choose(-50_000, -1)))
            from contractual in Gen.Choose(0, 100_000)
            select ((long)paid + contractual, (long)paid),
            claimCount)
        from plbCount in Gen.Choose(0, 3)
        from plbs in Gen.ArrayOf(
            from reason in Gen.Elements("WO", "L6", "72", "FB", "CS")
            from cents in Gen.Choose(-20_000, 60_000)
            select (reason, (long)cents),
            plbCount)
        select new Era([.. claims], [.. plbs]);

    [Property(MaxTest = 300)]
    public Property Any_balanced_835_posted_whole_leaves_no_posting_variance_overall_or_for_its_payer()
    {
        return Prop.ForAll(Eras.ToArbitrary(), era =>
        {
            var transaction = Remittance(
                "TRN-P",
                [.. era.Claims.Select((c, i) => ($"C{i + 1}", c.Charge / 100m, c.Paid / 100m))],
                [.. era.ProviderAdjustments.Select(p => new ProviderAdjustmentItem(p.Reason, null, Money.FromCents(p.Cents)))]);
            Assert.Empty(RemittanceBalancing.Check(transaction));

            var totals = PostWhole(transaction);

            Assert.Equal(Money.Zero, ReconciliationFigures.Of(totals.Lines).PostingVariance);
            Assert.All(ReconciliationFigures.ByPayer(totals.Lines).Values, f => Assert.Equal(Money.Zero, f.PostingVariance));
        });
    }

    /// <summary>A balanced 835: each claim's charge less a CO-45 write-off is its payment; BPR02 = ΣCLP04 − ΣPLB.</summary>
    private static RemittanceTransaction Remittance(string trace, (string Claim, decimal Charge, decimal Paid)[] claims, ProviderAdjustmentItem[] plb)
    {
        var payments = claims.Select(c => new RemittanceClaim(
            ClaimId.TryParse(c.Claim, out var claimId, out var error) ? claimId : throw new ArgumentException(error),
            ClaimPaymentStatus.ProcessedAsPrimary, Usd(c.Charge), Usd(c.Paid), null, "PCN",
            c.Charge == c.Paid ? [] : [Cas(AdjustmentGroup.CO, "45", c.Charge - c.Paid)], [], [], null)).ToImmutableArray();
        var bpr02 = Money.Sum(payments.Select(p => p.Paid)) - Money.Sum(plb.Select(p => p.Amount));
        return new RemittanceTransaction(MedicarePayer, trace, bpr02, Monday, payments, [.. plb]);
    }

    /// <summary>The remittance's own posting (advice and PLB) and every claim payment found its claim.</summary>
    private static ReconciliationTotals PostWhole(RemittanceTransaction transaction)
    {
        var totals = new ReconciliationTotals();
        foreach (var entry in RemittancePosting.Of(Context("ERA-1"), transaction, "ACH", reference => reference).Entries)
        {
            totals.Apply(entry);
        }

        foreach (var claim in transaction.Claims)
        {
            totals.Apply(Entry($"ERA-1:{claim.ClaimId}/1", EntryKind.PayerPayment, claim.Paid.Amount, transaction.PayerId.Value, transaction.PaymentDate));
            foreach (var adjustment in claim.AllAdjustments)
            {
                totals.Apply(Adjustment($"ERA-1:{claim.ClaimId}/2", adjustment.Group, adjustment.Amount.Amount, transaction.PayerId.Value, transaction.PaymentDate));
            }
        }

        return totals;
    }

    private static ReconciliationTotals Fold(params LedgerEntry[] entries)
    {
        var totals = new ReconciliationTotals();
        foreach (var entry in entries)
        {
            totals.Apply(entry);
        }

        return totals;
    }
}
