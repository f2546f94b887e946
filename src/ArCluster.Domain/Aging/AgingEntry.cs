using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Aging;

/// <summary>
/// A ledger entry as aging sees it: the claim it is on, or (when it is on no claim) the account
/// whose unapplied credit it changes.
/// </summary>
public readonly record struct AgingEntry(string? ClaimId, string? AccountId, LedgerEntry Entry)
{
    /// <summary>
    /// Whether the entry changes what anyone owes. 835 totals, deposits and PLB items do not (a PLB
    /// item may name a claim that is not even on file), so aging never has to look their claims up.
    /// </summary>
    public bool MovesBalances =>
        !Entry.EffectOn(ResponsibleParty.Primary).IsZero
        || !Entry.EffectOn(ResponsibleParty.Secondary).IsZero
        || !Entry.EffectOn(ResponsibleParty.Patient).IsZero;
}
