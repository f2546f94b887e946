namespace ArCluster.Abstractions.Operations;

/// <summary>
/// Answers which silo hosts it. Operators and tests use it to see that grains are spread over
/// every silo and that a client reaches all of them.
/// </summary>
[Alias("arcluster.IClusterProbeGrain")]
public interface IClusterProbeGrain : IGrainWithStringKey
{
    [Alias("GetHostingSilo")]
    Task<string> GetHostingSilo();
}
