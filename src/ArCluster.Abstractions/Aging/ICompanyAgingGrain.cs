using Orleans.Concurrency;

namespace ArCluster.Abstractions.Aging;

/// <summary>The billing company's aging over every practice (one grain, key "all").</summary>
[Alias("arcluster.ICompanyAgingGrain")]
public interface ICompanyAgingGrain : IGrainWithStringKey
{
    [Alias("Aging"), AlwaysInterleave]
    Task<AgingView> Aging(DateOnly? asOf);
}
