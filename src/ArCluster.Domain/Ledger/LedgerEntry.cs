using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Ledger;

/// <summary>
/// One immutable movement of money on a claim or an account. Amounts are positive in the kind's
/// natural direction (an adjustment may also be negative: a debit adjustment). A reversal carries
/// the reversed entry's kind, parties, line and codes, so totals by kind net it out without a lookup.
/// </summary>
public sealed record LedgerEntry(
    string EntryId,
    EntryKind Kind,
    Money Amount,
    ResponsibleParty Party,
    DateOnly EffectiveDate)
{
    /// <summary>The service line, or null for a claim-level or account-level entry.</summary>
    public int? LineNumber { get; init; }

    /// <summary>For a transfer (or its reversal): the party that now owes the amount.</summary>
    public ResponsibleParty? ToParty { get; init; }

    public AdjustmentGroup? Group { get; init; }

    public AdjustmentReason? Reason { get; init; }

    /// <summary>The payer whose payment or decision this is, when there is one.</summary>
    public string? PayerId { get; init; }

    /// <summary>For a reversal: the entry it cancels.</summary>
    public string? Reverses { get; init; }

    /// <summary>For a reversal: the kind of the entry it cancels.</summary>
    public EntryKind? ReversedKind { get; init; }

    public string? Memo { get; init; }

    /// <summary>The EFT trace or check number of a remittance advice or a deposit: what reassociation matches on.</summary>
    public string? Reference { get; init; }

    /// <summary>A claim the entry concerns when it is not on that claim's own ledger (a PLB item naming a claim).</summary>
    public string? RelatedClaim { get; init; }

    /// <summary>The kind whose total this entry moves: its own, or for a reversal the reversed kind (negatively).</summary>
    public EntryKind TotalKind => Kind == EntryKind.Reversal ? ReversedKind!.Value : Kind;

    /// <summary>+1 for an ordinary entry, −1 for a reversal.</summary>
    public int Sign => Kind == EntryKind.Reversal ? -1 : 1;

    /// <summary>How this entry changes what <paramref name="party"/> owes (positive: owes more).</summary>
    public Money EffectOn(ResponsibleParty party)
    {
        var effect = TotalKind switch
        {
            EntryKind.Charge or EntryKind.Refund => party == Party ? Amount : Money.Zero,
            EntryKind.PayerPayment or EntryKind.PatientPayment or EntryKind.Adjustment =>
                party == Party ? -Amount : Money.Zero,
            EntryKind.Transfer => (party == Party ? -Amount : Money.Zero) + (party == ToParty ? Amount : Money.Zero),
            _ => Money.Zero,
        };
        return Sign < 0 ? -effect : effect;
    }

    /// <summary>The entry that cancels this one.</summary>
    public LedgerEntry ReversedBy(string entryId, DateOnly effectiveDate, string? memo) =>
        this with
        {
            EntryId = entryId,
            Kind = EntryKind.Reversal,
            EffectiveDate = effectiveDate,
            Reverses = EntryId,
            ReversedKind = Kind,
            Memo = memo,
        };
}
