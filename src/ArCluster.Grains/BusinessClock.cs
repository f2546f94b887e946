namespace ArCluster.Grains;

/// <summary>
/// The time billing rules read: posting times, claim ages, follow-up and filing deadlines. It is the
/// system clock in production and a fake clock in tests. It is kept apart from the
/// <see cref="TimeProvider"/> Orleans itself runs on, so a test can move billing time months ahead
/// without freezing the cluster's own timers, reminders and membership.
/// </summary>
public sealed class BusinessClock(TimeProvider source)
{
    public static readonly BusinessClock System = new(TimeProvider.System);

    public DateTimeOffset GetUtcNow() => source.GetUtcNow();

    /// <summary>Today's date in UTC: the day a deadline or an aging bucket is counted from.</summary>
    public DateOnly Today => DateOnly.FromDateTime(source.GetUtcNow().UtcDateTime);
}
