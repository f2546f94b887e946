using ArCluster.Abstractions.Practices;

namespace ArCluster.Grains.Practices;

[GenerateSerializer, Alias("arcluster.PracticeState")]
public sealed class PracticeState
{
    [Id(0)]
    public PracticeView? Practice { get; set; }
}
