using ArCluster.BankFiles;
using ArCluster.X12.Remittance;
using Xunit.Abstractions;

namespace ArCluster.Simulation.Tests;

/// <summary>Alone in its collection, so the heap it measures is its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "large simulated run";
}

[Collection(RunsAlone.Name)]
public sealed class LargeRunTest(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"arcluster-large-{Guid.NewGuid():N}");

    [Fact]
    public void Fifty_thousand_claims_stream_to_disk_in_bounded_memory_and_every_file_is_accepted()
    {
        var simulation = new Simulation(new SimulationOptions { Seed = 5, Practices = 20, Days = 65, VisitsPerProviderPerDay = 16 });
        Assert.InRange(simulation.ClaimCount, 45_000, 60_000);

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var files = simulation.WriteFiles(_directory, new Progress(_ => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false))));
        var heap = GC.GetGCMemoryInfo();
        output.WriteLine($"{simulation.ClaimCount} claims: {files.Remittances.Length} 835 files, {files.BankReports.Length} bank reports; managed heap peak {peak / 1_000_000.0:F1} MB (before {before / 1_000_000.0:F1} MB), GC heap after {heap.HeapSizeBytes / 1_000_000.0:F1} MB");

        // Holding the claims would take well over 100 MB; in-flight events and one day's transactions take a few.
        Assert.True(peak - before < 96_000_000, $"the managed heap grew by {(peak - before) / 1_000_000.0:F1} MB while writing");

        var expected = files.Expectations.Total;
        var transactions = 0;
        var paid = 0m;
        foreach (var path in files.Remittances)
        {
            foreach (var result in RemittanceFile.Read(path))
            {
                Assert.True(result.IsAccepted, $"{path}: {(result as RejectedRemittance)?.Describe()}");
                transactions++;
                paid += ((AcceptedRemittance)result).Advice.TotalActualPayment;
            }
        }

        Assert.Equal(expected.RemittanceTransactions, transactions);
        Assert.Equal(expected.RemittanceTotal, paid);

        var deposited = 0m;
        foreach (var path in files.BankReports.Concat(files.DepositCsvFiles))
        {
            var result = DepositFile.Read(path);
            Assert.True(result.IsAccepted, $"{path}: {(result as RejectedDepositFile)?.Describe()}");
            deposited += ((AcceptedDepositFile)result).Total;
        }

        Assert.Equal(2 * expected.DepositTotal, deposited);
        Assert.Equal(expected.Claims, files.Claims.Sum(f => File.ReadLines(f).Count()));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class Progress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }
}
