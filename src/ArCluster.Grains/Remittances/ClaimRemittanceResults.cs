using System.Collections.Immutable;
using ArCluster.Abstractions.Remittances;
using ArCluster.Domain;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;

namespace ArCluster.Grains.Remittances;

/// <summary>What a claim tells its remittance about one posted claim payment.</summary>
internal static class ClaimRemittanceResults
{
    public static ClaimRemittanceResult NotPosted(string reason) =>
        new(false, reason, string.Empty, 0m, ImmutableDictionary<string, decimal>.Empty, 0m, false, false, [], []);

    public static ClaimRemittanceResult Posted(ClaimPosting posting)
    {
        var paid = Signed(posting.Entries.Where(e => e.TotalKind == EntryKind.PayerPayment));
        var adjusted = posting.Entries
            .Where(e => e.TotalKind == EntryKind.Adjustment && e.Group is not null)
            .GroupBy(e => e.Group!.Value.ToString())
            .ToImmutableDictionary(g => g.Key, g => Signed(g));
        var patientShare = Signed(posting.Entries.Where(e => e.TotalKind == EntryKind.Transfer && e.Group == AdjustmentGroup.PR));
        var denied = posting.Status == ClaimStatus.Denied;
        return new ClaimRemittanceResult(
            true,
            null,
            posting.Status.ToString(),
            paid,
            adjusted,
            patientShare,
            denied,
            posting.Operation == ClaimOperation.Reversal,
            denied ? [.. posting.Entries.Where(e => e.Group is not null).Select(e => $"{e.Group}-{e.Reason}").Distinct()] : [],
            [.. posting.Remarks.Select(r => r.Value)]);
    }

    private static decimal Signed(IEnumerable<LedgerEntry> entries) =>
        Money.Sum(entries.Select(e => e.Sign < 0 ? -e.Amount : e.Amount)).Amount;
}
