namespace ArCluster.Simulation.Engine;

/// <summary>What is due on which day: claim events by payment day, or deposits by bank day.</summary>
internal sealed class Agenda<T>
{
    private readonly Dictionary<int, List<T>> _days = [];

    public int Count { get; private set; }

    public void Add(DateOnly day, T item)
    {
        if (!_days.TryGetValue(day.DayNumber, out var items))
        {
            items = [];
            _days.Add(day.DayNumber, items);
        }

        items.Add(item);
        Count++;
    }

    /// <summary>Everything due on <paramref name="day"/>, removed from the agenda; empty when nothing is.</summary>
    public List<T> Take(DateOnly day)
    {
        if (!_days.Remove(day.DayNumber, out var items))
        {
            return [];
        }

        Count -= items.Count;
        return items;
    }
}
