using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ArCluster.Simulation.Calendar;

/// <summary>
/// Days when practices see patients, payers release payments and banks post credits: Monday to
/// Friday except the US federal holidays (the Federal Reserve's ACH calendar), a Saturday holiday
/// observed on Friday and a Sunday one on Monday.
/// </summary>
internal static class BusinessCalendar
{
    private static readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> HolidaysByYear = new();

    public static bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !HolidaysOf(day.Year).Contains(day);

    /// <summary>The first business day on or after <paramref name="day"/>.</summary>
    public static DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsBusinessDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary><paramref name="days"/> business days after <paramref name="day"/>.</summary>
    public static DateOnly AddBusinessDays(DateOnly day, int days)
    {
        for (var i = 0; i < days; i++)
        {
            day = OnOrAfter(day.AddDays(1));
        }

        return day;
    }

    private static FrozenSet<DateOnly> HolidaysOf(int year) => HolidaysByYear.GetOrAdd(year, static y =>
        new[]
        {
            Observed(new DateOnly(y, 1, 1)),
            Nth(y, 1, DayOfWeek.Monday, 3),    // Martin Luther King Jr. Day
            Nth(y, 2, DayOfWeek.Monday, 3),    // Washington's Birthday
            Last(y, 5, DayOfWeek.Monday),      // Memorial Day
            Observed(new DateOnly(y, 6, 19)),  // Juneteenth
            Observed(new DateOnly(y, 7, 4)),
            Nth(y, 9, DayOfWeek.Monday, 1),    // Labor Day
            Nth(y, 10, DayOfWeek.Monday, 2),   // Columbus Day
            Observed(new DateOnly(y, 11, 11)), // Veterans Day
            Nth(y, 11, DayOfWeek.Thursday, 4), // Thanksgiving
            Observed(new DateOnly(y, 12, 25)),
        }.ToFrozenSet());

    private static DateOnly Observed(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly Nth(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly Last(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }
}
