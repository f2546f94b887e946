using System.Collections.Immutable;
using ArCluster.Domain.Worklists;

namespace ArCluster.Domain.FollowUp;

/// <summary>
/// Every follow-up event that applies to a claim as it stands, due or not yet due. Which of them
/// are raised depends only on the day it is asked, so a reminder that fires twice raises nothing
/// new, and one that fires late raises everything that came due meanwhile.
/// </summary>
public sealed class FollowUpPlan(ImmutableArray<WorklistEntry> events)
{
    public static readonly FollowUpPlan None = new([]);

    /// <summary>In due order.</summary>
    public ImmutableArray<WorklistEntry> Events { get; } = [.. events.OrderBy(e => e.DueOn)];

    /// <summary>Everything due on or before <paramref name="today"/>: each is recorded as fired once.</summary>
    public ImmutableArray<WorklistEntry> RaisedBy(DateOnly today) => [.. Events.Where(e => e.DueOn <= today)];

    /// <summary>
    /// What should be open on the lists today: per list, only the latest event raised, so a claim
    /// shows once per list with its most pressing reason (a no-response follow-up gives way to
    /// "still open at 91 days"; an appeal warning to the missed deadline).
    /// </summary>
    public ImmutableHashSet<string> OpenKeys(DateOnly today) =>
        [.. RaisedBy(today).GroupBy(e => e.Kind).Select(g => g.Last().Key)];

    /// <summary>The day the claim next needs its reminder, or null when nothing is left to come.</summary>
    public DateOnly? NextDueAfter(DateOnly today) =>
        Events.Where(e => e.DueOn > today).Select(e => (DateOnly?)e.DueOn).FirstOrDefault();

    /// <summary>Whether the lists would show anything different from <paramref name="other"/> today.</summary>
    public bool SameOnLists(FollowUpPlan other, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(other);
        return RaisedBy(today).SequenceEqual(other.RaisedBy(today)) && OpenKeys(today).SetEquals(other.OpenKeys(today));
    }
}
