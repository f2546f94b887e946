using System.Globalization;

namespace ArCluster.Benchmarks;

/// <summary>CPU seconds spent by this process and by every PostgreSQL process, to say where the time went.</summary>
internal sealed record CpuSample(TimeSpan Process, TimeSpan Postgres)
{
    public static CpuSample Take()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuSample(self.TotalProcessorTime, PostgresCpu());
    }

    public CpuSample Since(CpuSample earlier) => new(Process - earlier.Process, Postgres - earlier.Postgres);

    /// <summary>utime + stime of processes named "postgres", from /proc (Linux clock ticks of 1/100 s).</summary>
    private static TimeSpan PostgresCpu()
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var nameEnd = stat.LastIndexOf(')');
                if (nameEnd < 0 || !stat[..nameEnd].EndsWith("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = stat[(nameEnd + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we read it.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
