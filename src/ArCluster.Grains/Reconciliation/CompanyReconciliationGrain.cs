using System.Collections.Immutable;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Abstractions.Remittances;
using Orleans.Concurrency;

namespace ArCluster.Grains.Reconciliation;

/// <summary>
/// The company roll-up: every practice's live reconciliation, summed when asked. Each practice's
/// figures are already in memory in its own grain, so the roll-up is as current and as exact as
/// they are, with nothing more to keep consistent.
/// </summary>
[StatelessWorker]
public sealed class CompanyReconciliationGrain(BusinessClock clock) : Grain, ICompanyReconciliationGrain
{
    public const string Scope = "company";

    public async Task<ReconciliationView> Totals(DateOnly firstDay, DateOnly lastDay)
    {
        var practices = await PracticesAsync();
        var views = await Task.WhenAll(practices.Select(p => GrainFactory.GetGrain<IReconciliationGrain>(p).Totals(firstDay, lastDay)));
        var byPayer = views.SelectMany(v => v.ByPayer)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => ReconciliationViews.Sum(g.Select(p => p.Value)), StringComparer.Ordinal);
        return new ReconciliationView(Scope, firstDay, lastDay, ReconciliationViews.Sum(views.Select(v => v.Totals)), byPayer, practices, clock.GetUtcNow());
    }

    public async Task<ReassociationView> Reassociation(bool unmatchedOnly)
    {
        var practices = await PracticesAsync();
        var views = await Task.WhenAll(practices.Select(p => GrainFactory.GetGrain<IReconciliationGrain>(p).Reassociation(unmatchedOnly: false)));
        return ReconciliationViews.ToView(Scope, views.SelectMany(v => v.Items), unmatchedOnly);
    }

    private Task<ImmutableArray<string>> PracticesAsync() => GrainFactory.GetGrain<IPracticeDirectoryGrain>("all").Practices();
}
