using ArCluster.Domain.Ledger;
using ArCluster.Domain.Practices;

namespace ArCluster.Domain.Aging;

/// <summary>
/// One claim's open AR: what the primary payer, the secondary payer and the patient owe on it, with
/// the dates it ages from. A negative balance is a credit owed back to that party.
/// </summary>
public readonly record struct ClaimBalance(
    string ClaimId,
    string AccountId,
    DateOnly FirstServiceDate,
    DateOnly BilledOn,
    string? PrimaryPayerId,
    string? SecondaryPayerId,
    PartyBalances Balances)
{
    /// <summary>A claim aging has just met: nothing owed yet.</summary>
    public static ClaimBalance Opened(ClaimFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new(facts.ClaimId, facts.AccountId, facts.FirstServiceDate, facts.BilledOn, facts.PrimaryPayerId, facts.SecondaryPayerId, PartyBalances.Zero);
    }

    /// <summary>Nobody owes anything and nobody is owed: the claim has left AR.</summary>
    public bool IsClosed => Balances.Primary.IsZero && Balances.Secondary.IsZero && Balances.Patient.IsZero;

    public DateOnly BasisDate(AgingBasis basis) => basis == AgingBasis.Submission ? BilledOn : FirstServiceDate;

    public ClaimBalance Apply(LedgerEntry entry) => this with { Balances = Balances.Apply(entry) };
}
