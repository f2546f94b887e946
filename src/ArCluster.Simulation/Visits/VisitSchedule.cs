using ArCluster.Simulation.Calendar;
using ArCluster.Simulation.Randomness;

namespace ArCluster.Simulation.Visits;

/// <summary>
/// How many patients each provider of a practice sees on each business day of service, and so which
/// claim numbers belong to which day and provider. Claims are numbered in date order, then provider,
/// then visit; the counts are drawn per (practice, day, provider), so any claim can be located — and
/// rebuilt — without generating the ones before it.
/// </summary>
internal sealed class VisitSchedule
{
    private readonly DateOnly[] _days;
    private readonly int _providers;
    private readonly int[] _starts;

    public VisitSchedule(int seed, int practice, DateOnly start, int days, int providers, double meanVisits)
    {
        var serviceDays = new List<DateOnly>();
        for (var day = start; day < start.AddDays(days); day = day.AddDays(1))
        {
            if (BusinessCalendar.IsBusinessDay(day))
            {
                serviceDays.Add(day);
            }
        }

        _days = [.. serviceDays];
        _providers = providers;
        _starts = new int[(_days.Length * providers) + 1];
        for (var d = 0; d < _days.Length; d++)
        {
            for (var p = 0; p < providers; p++)
            {
                var slot = (d * providers) + p;
                var visits = Streams.Of(seed, Purpose.Schedule, practice, _days[d].DayNumber, p).Poisson(meanVisits);
                _starts[slot + 1] = checked(_starts[slot] + visits);
            }
        }
    }

    public IReadOnlyList<DateOnly> Days => _days;

    public int ClaimCount => _starts[^1];

    /// <summary>The first claim index and the number of visits of provider <paramref name="provider"/> on service day <paramref name="dayIndex"/>.</summary>
    public (int First, int Count) Slot(int dayIndex, int provider)
    {
        var slot = (dayIndex * _providers) + provider;
        return (_starts[slot], _starts[slot + 1] - _starts[slot]);
    }

    /// <summary>The day and provider of claim <paramref name="claimIndex"/>.</summary>
    public (DateOnly Day, int Provider) Locate(int claimIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(claimIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(claimIndex, ClaimCount);

        // The last slot whose first claim is at or before the index (empty slots share a start).
        var low = 0;
        var high = _starts.Length - 2;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_starts[mid] <= claimIndex)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return (_days[low / _providers], low % _providers);
    }
}
