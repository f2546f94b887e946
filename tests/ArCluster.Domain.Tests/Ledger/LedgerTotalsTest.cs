using ArCluster.Domain.Ledger;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Ledger;

public class LedgerTotalsTest
{
    private static readonly DateOnly Dos = new(2025, 5, 1);

    [Fact]
    public void Charges_less_payments_and_adjustments_plus_refunds_is_the_balance()
    {
        LedgerEntry[] entries =
        [
            new("O/1", EntryKind.Charge, Usd(200m), ResponsibleParty.Primary, Dos),
            new("P/1", EntryKind.PayerPayment, Usd(250m), ResponsibleParty.Primary, Dos),
            new("P/2", EntryKind.PatientPayment, Usd(20m), ResponsibleParty.Patient, Dos),
            new("A/1", EntryKind.Adjustment, Usd(-5m), ResponsibleParty.Primary, Dos),
            new("R/1", EntryKind.Refund, Usd(40m), ResponsibleParty.Primary, Dos),
            new("T/1", EntryKind.Transfer, Usd(15m), ResponsibleParty.Primary, Dos) { ToParty = ResponsibleParty.Patient },
            new("L/1", EntryKind.ProviderAdjustment, Usd(3m), ResponsibleParty.Primary, Dos),
        ];

        var totals = LedgerTotals.Of(entries);

        Assert.Equal(new LedgerTotals(Usd(200m), Usd(250m), Usd(20m), Usd(-5m), Usd(40m), Usd(3m)), totals);
        Assert.Equal(Usd(-25m), totals.Balance);
        var byParty = entries.Aggregate(PartyBalances.Zero, (b, e) => b.Apply(e));
        Assert.Equal(totals.Balance, byParty.Total);
    }

    [Fact]
    public void A_reversal_nets_out_of_the_kind_it_reverses()
    {
        var payment = new LedgerEntry("P/1", EntryKind.PayerPayment, Usd(120m), ResponsibleParty.Primary, Dos);

        var totals = LedgerTotals.Zero.Add(payment).Add(payment.ReversedBy("R/1", Dos, null));

        Assert.Equal(LedgerTotals.Zero, totals);
    }
}
