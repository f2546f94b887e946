using ArCluster.Domain.Claims;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Tests.TestData;

/// <summary>Everything observable about a claim, compared as a whole.</summary>
public sealed record ClaimSnapshot(long Version, ClaimStatus Status, PartyBalances Balances, LedgerTotals Totals, string Buckets)
{
    public static ClaimSnapshot Of(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new(claim.Version, claim.Status, claim.Balances, claim.Totals, claim.LineBalancesText());
    }
}

/// <summary>The design's invariant 1 and replay determinism, asserted on a live claim.</summary>
public static class ClaimChecks
{
    private static readonly ResponsibleParty[] Parties = Enum.GetValues<ResponsibleParty>();

    public static void AssertBalanced(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var balances = claim.Balances;

        // charges − payments − adjustments + refunds = balance, and the split by party sums to it.
        Assert.Equal(claim.Totals.Balance, balances.Total);
        Assert.Equal(balances.Total, balances.Primary + balances.Secondary + balances.Patient);

        // Lines plus the claim level make up the claim, party by party.
        var buckets = claim.Details.Lines.Select(l => claim.LineBalance(l.LineNumber)).Append(claim.ClaimLevelBalance).ToArray();
        foreach (var party in Parties)
        {
            Assert.Equal(balances[party], Money.Sum(buckets.Select(b => b[party])));
        }

        // The running figures are exactly what the journal's entries add up to.
        var entries = claim.Postings.SelectMany(p => p.Entries).ToArray();
        Assert.Equal(LedgerTotals.Of(entries), claim.Totals);
        Assert.Equal(entries.Aggregate(PartyBalances.Zero, (b, e) => b.Apply(e)), balances);
        Assert.Equal(entries.Length, entries.Select(e => e.EntryId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Money.Zero, claim.Totals.ProviderAdjustments);

        // Nobody the claim is not billed to ever owes or is owed anything on it.
        foreach (var party in Parties.Where(p => !claim.Details.Has(p)))
        {
            Assert.All(buckets, b => Assert.Equal(Money.Zero, b[party]));
        }

        Assert.Equal(Enumerable.Range(1, claim.Postings.Count).Select(v => (long)v), claim.Postings.Select(p => p.Version));
        Assert.Equal(claim.Postings.Count, claim.Version);
        if (claim.Status == ClaimStatus.Closed)
        {
            Assert.Equal(Money.Zero, balances.Total);
        }
    }

    /// <summary>A silo that restarts rebuilds the claim from its journal: it must be the same claim.</summary>
    public static Claim AssertReplays(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var replayed = Claim.FromHistory(claim.Postings);
        Assert.Equal(ClaimSnapshot.Of(claim), ClaimSnapshot.Of(replayed));
        return replayed;
    }

    public static void AssertSameDecision(ClaimPosting expected, ClaimPosting? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Assert.NotNull(actual);
        Assert.Equal((expected.PostingId, expected.Version, expected.Operation, expected.Status), (actual.PostingId, actual.Version, actual.Operation, actual.Status));
        Assert.Equal(expected.Entries.ToArray(), actual.Entries.ToArray());
    }
}
