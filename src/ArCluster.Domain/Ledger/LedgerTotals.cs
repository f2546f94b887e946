namespace ArCluster.Domain.Ledger;

/// <summary>
/// Totals by kind over a set of entries, each net of its reversals. They obey
/// <c>charges − payer payments − patient payments − adjustments + refunds = balance</c>
/// (transfers net to zero), which is invariant 1 of the design.
/// </summary>
public sealed record LedgerTotals(
    Money Charges,
    Money PayerPayments,
    Money PatientPayments,
    Money Adjustments,
    Money Refunds,
    Money ProviderAdjustments)
{
    public static readonly LedgerTotals Zero = new(
        Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    public Money Balance => Charges - PayerPayments - PatientPayments - Adjustments + Refunds;

    public static LedgerTotals Of(IEnumerable<LedgerEntry> entries) => entries.Aggregate(Zero, (totals, entry) => totals.Add(entry));

    public LedgerTotals Add(LedgerEntry entry)
    {
        var signed = entry.Sign < 0 ? -entry.Amount : entry.Amount;
        return entry.TotalKind switch
        {
            EntryKind.Charge => this with { Charges = Charges + signed },
            EntryKind.PayerPayment => this with { PayerPayments = PayerPayments + signed },
            EntryKind.PatientPayment => this with { PatientPayments = PatientPayments + signed },
            EntryKind.Adjustment => this with { Adjustments = Adjustments + signed },
            EntryKind.Refund => this with { Refunds = Refunds + signed },
            EntryKind.ProviderAdjustment => this with { ProviderAdjustments = ProviderAdjustments + signed },
            _ => this,
        };
    }
}
