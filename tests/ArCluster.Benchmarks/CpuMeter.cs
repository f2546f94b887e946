using System.Collections.Concurrent;
using System.Globalization;

namespace ArCluster.Benchmarks;

/// <summary>
/// CPU seconds spent by this process, by the benchmark's PostgreSQL servers, and by the whole
/// machine, to say where the time went and whether something else (another engineer's build or
/// tests) was taking cores from the figure.
/// </summary>
internal sealed record CpuSample(TimeSpan Process, TimeSpan Postgres, TimeSpan Machine)
{
    /// <summary>Linux reports CPU time in clock ticks of 1/100 s (USER_HZ).</summary>
    private const double TicksPerSecond = 100.0;

    private static readonly ConcurrentDictionary<int, bool> Postmasters = new();

    /// <summary>CPU used by everything else on the machine: other processes, other PostgreSQL servers.</summary>
    public TimeSpan Others => Machine - Process - Postgres is var others && others > TimeSpan.Zero ? others : TimeSpan.Zero;

    public static CpuSample Take()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuSample(self.TotalProcessorTime, PostgresCpu(), MachineCpu());
    }

    public CpuSample Since(CpuSample earlier) => new(Process - earlier.Process, Postgres - earlier.Postgres, Machine - earlier.Machine);

    /// <summary>
    /// Counts this server's processes as the benchmark's PostgreSQL, given one of its backends: its
    /// parent is the postmaster. A server on another machine cannot be measured and is skipped.
    /// </summary>
    public static void WatchPostgres(int backendPid)
    {
        if (ReadStat(backendPid) is { } stat)
        {
            Postmasters.TryAdd(int.Parse(stat[1], CultureInfo.InvariantCulture), true);
        }
    }

    /// <summary>
    /// utime + stime of the watched postmasters and their children, plus what the postmasters'
    /// children that already exited used (cutime + cstime), so a backend that closes during a
    /// measurement still counts. With none watched, every process named "postgres".
    /// </summary>
    private static TimeSpan PostgresCpu()
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || ReadStat(pid, out var name) is not { } fields)
            {
                continue;
            }

            var ours = Postmasters.IsEmpty
                ? name == "postgres"
                : Postmasters.ContainsKey(pid) || Postmasters.ContainsKey(int.Parse(fields[1], CultureInfo.InvariantCulture));
            if (!ours)
            {
                continue;
            }

            ticks += Field(fields, 11) + Field(fields, 12);
            if (Postmasters.ContainsKey(pid))
            {
                ticks += Field(fields, 13) + Field(fields, 14);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Busy time of all cores from /proc/stat: everything but idle and I/O wait.</summary>
    private static TimeSpan MachineCpu()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long Ticks(int i) => i < cpu.Length ? long.Parse(cpu[i], CultureInfo.InvariantCulture) : 0;
            return TimeSpan.FromSeconds((Ticks(1) + Ticks(2) + Ticks(3) + Ticks(6) + Ticks(7) + Ticks(8)) / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }

    private static string[]? ReadStat(int pid) => ReadStat(pid, out _);

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] parent pid, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? ReadStat(int pid, out string name)
    {
        name = string.Empty;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var nameStart = stat.IndexOf('(', StringComparison.Ordinal);
            var nameEnd = stat.LastIndexOf(')');
            if (nameStart < 0 || nameEnd < nameStart)
            {
                return null;
            }

            name = stat[(nameStart + 1)..nameEnd];
            return stat[(nameEnd + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we read it, or is not on this machine.
            return null;
        }
    }

    private static long Field(string[] fields, int index) =>
        index < fields.Length && long.TryParse(fields[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
