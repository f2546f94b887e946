using ArCluster.Abstractions.Operations;
using Orleans.Runtime;

namespace ArCluster.Client;

/// <summary>Operator views of the cluster itself.</summary>
public sealed class ClusterOperations
{
    private readonly IClusterClient _orleans;

    internal ClusterOperations(IClusterClient orleans) => _orleans = orleans;

    public async Task<IReadOnlyList<ClusterMember>> GetActiveMembersAsync()
    {
        var hosts = await _orleans.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        return hosts
            .Select(h => new ClusterMember(
                h.SiloAddress.ToParsableString(), h.SiloName, h.HostName, h.Status.ToString(),
                new DateTimeOffset(h.StartTime, TimeSpan.Zero), new DateTimeOffset(h.IAmAliveTime, TimeSpan.Zero)))
            .OrderBy(m => m.Address, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The silo that hosts the probe grain with this key (activating it there if needed).</summary>
    public Task<string> LocateProbeAsync(string probeKey) =>
        _orleans.GetGrain<IClusterProbeGrain>(probeKey).GetHostingSilo();
}
