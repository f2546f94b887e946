using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Ledger;

public class LedgerEntryTest
{
    private static readonly DateOnly Dos = new(2025, 5, 1);

    private static LedgerEntry Entry(EntryKind kind, decimal amount, ResponsibleParty party = ResponsibleParty.Primary) =>
        new("P1/1", kind, Usd(amount), party, Dos) { LineNumber = 1 };

    [Fact]
    public void A_charge_raises_and_a_payment_lowers_only_the_party_it_names()
    {
        var charge = Entry(EntryKind.Charge, 200m);
        var payment = Entry(EntryKind.PayerPayment, 120m);

        Assert.Equal(Usd(200m), charge.EffectOn(ResponsibleParty.Primary));
        Assert.Equal(Money.Zero, charge.EffectOn(ResponsibleParty.Patient));
        Assert.Equal(Usd(-120m), payment.EffectOn(ResponsibleParty.Primary));
        Assert.Equal(Money.Zero, payment.EffectOn(ResponsibleParty.Secondary));
    }

    [Fact]
    public void A_transfer_moves_the_amount_from_one_party_to_the_other()
    {
        var transfer = Entry(EntryKind.Transfer, 30m) with { ToParty = ResponsibleParty.Patient, Group = AdjustmentGroup.PR, Reason = Carc("2") };

        Assert.Equal(Usd(-30m), transfer.EffectOn(ResponsibleParty.Primary));
        Assert.Equal(Usd(30m), transfer.EffectOn(ResponsibleParty.Patient));
        Assert.Equal(Money.Zero, transfer.EffectOn(ResponsibleParty.Secondary));
    }

    [Fact]
    public void A_refund_puts_back_what_the_party_is_owed_and_a_debit_adjustment_raises_the_balance()
    {
        Assert.Equal(Usd(50m), Entry(EntryKind.Refund, 50m).EffectOn(ResponsibleParty.Primary));
        Assert.Equal(Usd(10m), Entry(EntryKind.Adjustment, -10m).EffectOn(ResponsibleParty.Primary));
    }

    [Fact]
    public void Provider_level_adjustments_belong_to_no_party()
    {
        var plb = Entry(EntryKind.ProviderAdjustment, 12.5m);
        Assert.All(Enum.GetValues<ResponsibleParty>(), party => Assert.Equal(Money.Zero, plb.EffectOn(party)));
    }

    [Fact]
    public void A_reversal_keeps_the_original_details_and_cancels_its_effect()
    {
        var original = Entry(EntryKind.Transfer, 30m) with { ToParty = ResponsibleParty.Patient, Group = AdjustmentGroup.PR, Reason = Carc("1"), PayerId = Medicare };

        var reversal = original.ReversedBy("R1/1", Dos.AddDays(20), "payer take-back");

        Assert.Equal(EntryKind.Reversal, reversal.Kind);
        Assert.Equal(EntryKind.Transfer, reversal.ReversedKind);
        Assert.Equal(EntryKind.Transfer, reversal.TotalKind);
        Assert.Equal("P1/1", reversal.Reverses);
        Assert.Equal(-1, reversal.Sign);
        Assert.Equal((original.Amount, original.Party, original.ToParty, original.LineNumber, original.Group, original.Reason, original.PayerId),
            (reversal.Amount, reversal.Party, reversal.ToParty, reversal.LineNumber, reversal.Group, reversal.Reason, reversal.PayerId));
        Assert.Equal(Dos.AddDays(20), reversal.EffectiveDate);
        Assert.All(Enum.GetValues<ResponsibleParty>(), party =>
            Assert.Equal(Money.Zero, original.EffectOn(party) + reversal.EffectOn(party)));
    }
}
