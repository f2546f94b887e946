using ArCluster.Abstractions.Practices;

namespace ArCluster.Grains.Practices;

[GenerateSerializer, Alias("arcluster.PracticeState")]
public sealed class PracticeState
{
    [Id(0)]
    public PracticeView? Practice { get; set; }

    /// <summary>Fee schedules by payer id.</summary>
    [Id(1)]
    public Dictionary<string, FeeScheduleView> FeeSchedules { get; set; } = new(StringComparer.Ordinal);
}
