using ArCluster.Abstractions.Aging;
using ArCluster.Abstractions.Remittances;
using Orleans.Concurrency;

namespace ArCluster.Grains.Aging;

/// <summary>
/// The company aging: every practice's live aging, as of one day, summed when asked. Each practice's
/// open claims are already in memory in its own grain, so the roll-up is as current and exact as they are.
/// </summary>
[StatelessWorker]
public sealed class CompanyAgingGrain(BusinessClock clock) : Grain, ICompanyAgingGrain
{
    public const string Scope = "company";

    public async Task<AgingView> Aging(DateOnly? asOf)
    {
        // One day for all: each practice asked for "today" on its own could straddle midnight.
        var day = asOf ?? clock.Today;
        var practices = await GrainFactory.GetGrain<IPracticeDirectoryGrain>("all").Practices();
        var views = await Task.WhenAll(practices.Select(p => GrainFactory.GetGrain<IAgingGrain>(p).Aging(day)));
        return AgingViews.Sum(Scope, day, views, clock.GetUtcNow());
    }
}
