namespace ArCluster.Domain.Aging;

/// <summary>
/// The AR aging buckets billing companies report: 0–30, 31–60, 61–90, 91–120 and over 120 days
/// since the practice's aging basis date (date of service or submission).
/// </summary>
public enum AgingBucket
{
    Days0To30 = 0,
    Days31To60 = 1,
    Days61To90 = 2,
    Days91To120 = 3,
    Over120 = 4,
}

public static class AgingBuckets
{
    /// <summary>How many buckets there are; arrays of bucket figures are indexed by <see cref="AgingBucket"/>.</summary>
    public const int Count = 5;

    public static readonly IReadOnlyList<AgingBucket> All = Enum.GetValues<AgingBucket>();

    /// <summary>
    /// Days from <paramref name="basisDate"/> to <paramref name="asOf"/>. A basis date after the as-of
    /// date (a visit entered ahead, a report asked for an earlier day) is not yet aged: 0, never negative.
    /// </summary>
    public static int AgeInDays(DateOnly basisDate, DateOnly asOf) => Math.Max(0, asOf.DayNumber - basisDate.DayNumber);

    public static AgingBucket Of(int ageInDays) => ageInDays switch
    {
        <= 30 => AgingBucket.Days0To30,
        <= 60 => AgingBucket.Days31To60,
        <= 90 => AgingBucket.Days61To90,
        <= 120 => AgingBucket.Days91To120,
        _ => AgingBucket.Over120,
    };

    public static AgingBucket Of(DateOnly basisDate, DateOnly asOf) => Of(AgeInDays(basisDate, asOf));

    public static string Label(AgingBucket bucket) => bucket switch
    {
        AgingBucket.Days0To30 => "0–30",
        AgingBucket.Days31To60 => "31–60",
        AgingBucket.Days61To90 => "61–90",
        AgingBucket.Days91To120 => "91–120",
        _ => "120+",
    };
}
