namespace ArCluster.Grains.FollowUp;

/// <summary>How claims keep their follow-up reminders. Configuration section "ArCluster:FollowUp".</summary>
public sealed class FollowUpOptions
{
    /// <summary>Off only to measure posting without follow-up: no reminders, no worklist items from claims.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a reminder sleeps before it wakes to check again, however far the next event is:
    /// a wake with nothing due just re-arms, and a claim never depends on one very long timer.
    /// </summary>
    public TimeSpan LongestSleep { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How soon Orleans fires the reminder again if a wake fails before it could re-arm (at least a minute).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromHours(1);
}
