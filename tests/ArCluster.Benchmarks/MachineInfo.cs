using System.Runtime.InteropServices;

namespace ArCluster.Benchmarks;

internal static class MachineInfo
{
    public static string Describe(string postgresVersion)
    {
        var memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores, {memoryGiB:0} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {postgresVersion}";
    }
}
