using ArCluster.Abstractions.Operations;
using Orleans.Runtime;

namespace ArCluster.Grains.Operations;

public sealed class ClusterProbeGrain(ILocalSiloDetails silo) : Grain, IClusterProbeGrain
{
    public Task<string> GetHostingSilo() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
