using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace ArCluster.Benchmarks;

internal static class MachineInfo
{
    public static string Describe(string postgresVersion) =>
        $"{Cores}, {Memory}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {postgresVersion}";

    public static string Cores
    {
        get
        {
            var model = CpuModel();
            return model is null ? $"{Environment.ProcessorCount} cores" : $"{Environment.ProcessorCount} cores ({model})";
        }
    }

    public static string Memory => string.Create(CultureInfo.InvariantCulture, $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB");

    public static string OperatingSystem => RuntimeInformation.OSDescription;

    public static string Runtime => $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC";

    /// <summary>The 1-minute load average, to see at a glance whether the machine was busy with other work.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string? CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
