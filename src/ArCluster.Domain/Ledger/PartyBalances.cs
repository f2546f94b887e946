namespace ArCluster.Domain.Ledger;

/// <summary>What each responsible party owes; a negative figure is a credit owed back to that party.</summary>
public readonly record struct PartyBalances(Money Primary, Money Secondary, Money Patient)
{
    public static readonly PartyBalances Zero;

    public Money Total => Primary + Secondary + Patient;

    public Money this[ResponsibleParty party] => party switch
    {
        ResponsibleParty.Primary => Primary,
        ResponsibleParty.Secondary => Secondary,
        _ => Patient,
    };

    /// <summary>The insurance share (primary and secondary together), as AR reports age it.</summary>
    public Money Insurance => Primary + Secondary;

    public PartyBalances Apply(LedgerEntry entry) => new(
        Primary + entry.EffectOn(ResponsibleParty.Primary),
        Secondary + entry.EffectOn(ResponsibleParty.Secondary),
        Patient + entry.EffectOn(ResponsibleParty.Patient));
}
