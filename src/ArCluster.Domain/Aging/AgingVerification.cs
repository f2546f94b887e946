using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Aging;

/// <summary>Stored open AR compared with balances summed from the journal: every claim, party and account credit.</summary>
public static class AgingVerification
{
    public static IReadOnlyList<AgingDifference> Compare(
        IEnumerable<ClaimBalance> storedClaims,
        IReadOnlyDictionary<string, Money> storedCredits,
        IReadOnlyDictionary<string, PartyBalances> journalClaims,
        IReadOnlyDictionary<string, Money> journalCredits)
    {
        ArgumentNullException.ThrowIfNull(storedClaims);
        ArgumentNullException.ThrowIfNull(storedCredits);
        ArgumentNullException.ThrowIfNull(journalClaims);
        ArgumentNullException.ThrowIfNull(journalCredits);
        var stored = storedClaims.ToDictionary(c => c.ClaimId, c => c.Balances, StringComparer.Ordinal);
        var differences = new List<AgingDifference>();
        foreach (var claimId in stored.Keys.Union(journalClaims.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var mine = stored.GetValueOrDefault(claimId);
            var journal = journalClaims.GetValueOrDefault(claimId);
            foreach (var party in Enum.GetValues<ResponsibleParty>().Where(p => mine[p] != journal[p]))
            {
                differences.Add(new AgingDifference(claimId, null, party, journal[party], mine[party]));
            }
        }

        foreach (var account in storedCredits.Keys.Union(journalCredits.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var mine = storedCredits.GetValueOrDefault(account);
            var journal = journalCredits.GetValueOrDefault(account);
            if (mine != journal)
            {
                differences.Add(new AgingDifference(null, account, ResponsibleParty.Patient, journal, mine));
            }
        }

        return differences;
    }
}
