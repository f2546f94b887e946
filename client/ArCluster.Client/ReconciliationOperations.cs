using System.Collections.Immutable;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Abstractions.Remittances;

namespace ArCluster.Client;

/// <summary>
/// Live cash reconciliation for supervisors: totals per practice and day (and for the company),
/// reassociation of 835s with deposits, and verification of every total against the journal.
/// </summary>
public sealed class ReconciliationOperations
{
    private readonly IClusterClient _orleans;

    internal ReconciliationOperations(IClusterClient orleans) => _orleans = orleans;

    /// <summary>A practice's figures for the days [<paramref name="firstDay"/>, <paramref name="lastDay"/>].</summary>
    public Task<ReconciliationView> GetAsync(string practiceId, DateOnly firstDay, DateOnly lastDay)
    {
        CheckRange(firstDay, lastDay);
        return Practice(practiceId).Totals(firstDay, lastDay);
    }

    /// <summary>Every practice's figures for the days [<paramref name="firstDay"/>, <paramref name="lastDay"/>], summed.</summary>
    public Task<ReconciliationView> GetCompanyAsync(DateOnly firstDay, DateOnly lastDay)
    {
        CheckRange(firstDay, lastDay);
        return _orleans.GetGrain<ICompanyReconciliationGrain>("all").Totals(firstDay, lastDay);
    }

    /// <summary>A practice's (or, with no practice, the company's) 835-to-deposit matching.</summary>
    public Task<ReassociationView> ReassociationAsync(string? practiceId, bool unmatchedOnly = true) =>
        practiceId is null
            ? _orleans.GetGrain<ICompanyReconciliationGrain>("all").Reassociation(unmatchedOnly)
            : Practice(practiceId).Reassociation(unmatchedOnly);

    /// <summary>Compares a practice's stored totals with the journal; a clean report has no mismatches.</summary>
    public Task<VerificationReport> VerifyAsync(string practiceId, DateOnly? firstDay = null, DateOnly? lastDay = null)
    {
        var first = firstDay ?? DateOnly.MinValue;
        var last = lastDay ?? DateOnly.MaxValue;
        CheckRange(first, last);
        return Practice(practiceId).Verify(first, last);
    }

    /// <summary>Verifies every practice, a few at a time.</summary>
    public async Task<ImmutableArray<VerificationReport>> VerifyAllAsync(DateOnly? firstDay = null, DateOnly? lastDay = null, CancellationToken cancellationToken = default)
    {
        var practices = await _orleans.GetGrain<IPracticeDirectoryGrain>("all").Practices();
        var reports = new List<VerificationReport>(practices.Length);
        foreach (var chunk in practices.Chunk(4))
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.AddRange(await Task.WhenAll(chunk.Select(p => VerifyAsync(p, firstDay, lastDay))));
        }

        return [.. reports];
    }

    /// <summary>Drops a practice's totals and counts them again from the journal; returns the verification after.</summary>
    public Task<VerificationReport> RebuildAsync(string practiceId) => Practice(practiceId).Rebuild();

    private static void CheckRange(DateOnly firstDay, DateOnly lastDay)
    {
        if (lastDay < firstDay)
        {
            throw new ArgumentException($"The last day ({lastDay:yyyy-MM-dd}) is before the first ({firstDay:yyyy-MM-dd}).", nameof(lastDay));
        }
    }

    private IReconciliationGrain Practice(string practiceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practiceId);
        return _orleans.GetGrain<IReconciliationGrain>(practiceId);
    }
}
