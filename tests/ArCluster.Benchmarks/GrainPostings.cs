using System.Diagnostics;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using ArCluster.Abstractions.Practices;
using ArCluster.Testing;

namespace ArCluster.Benchmarks;

/// <summary>Result of driving postings through claim grains.</summary>
internal sealed record GrainPostingResult(double PostingsPerSecond, double MeanBatch, double CommitsPerSecond, CpuSample Cpu, TimeSpan Elapsed, long Postings, double WalBytesPerPosting);

/// <summary>
/// Many billers at once: each worker posts 0.01 contractual adjustments (one entry each, its own
/// posting id) to claims in turn, waiting for each to be durable, as a client would.
/// </summary>
internal static class GrainPostings
{
    private const string Practice = "bench";
    private static readonly DateOnly Date = new(2026, 10, 15);

    public static async Task SeedAsync(IGrainFactory grains, int claims)
    {
        await grains.GetGrain<IPracticeGrain>(Practice).Register(SamplePractices.Family(Practice));
        var accounts = Math.Max(1, claims / 10);
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (a, _) =>
            await grains.GetGrain<Abstractions.Accounts.IAccountGrain>($"{Practice}/A{a}").Open(SampleLedger.Account(Practice, $"A{a}"), "bench"));
        await Parallel.ForEachAsync(Enumerable.Range(0, claims), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) =>
            await grains.GetGrain<IClaimGrain>($"{Practice}/C{c}").Open(SampleLedger.OfficeVisit(Practice, $"C{c}", $"A{c % accounts}", new DateOnly(2026, 10, 1)), "bench"));
    }

    public static async Task<GrainPostingResult> RunAsync(InProcessSilo silo, BenchDatabase database, int claims, int workers, TimeSpan duration, string round)
    {
        var walBefore = await database.WalPositionAsync();
        var batchesBefore = silo.Journal.BatchesCommitted;
        var postingsBefore = silo.Journal.PostingsCommitted;
        var cpuBefore = CpuSample.Take();
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var posted = 0L;
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var claim = silo.Grains.GetGrain<IClaimGrain>($"{Practice}/C{(worker + (n * workers)) % claims}");
                await claim.PostAdjustment(
                    new PostAdjustment($"{round}-{worker}-{n}", Party.Primary, (n % 3) + 1, "CO", "45", 0.01m, Date, null), "bench");
                posted++;
            }

            return posted;
        })));
        var elapsed = clock.Elapsed;
        var cpu = CpuSample.Take().Since(cpuBefore);
        var wal = await database.WalPositionAsync() - walBefore;
        var batches = silo.Journal.BatchesCommitted - batchesBefore;
        var postings = silo.Journal.PostingsCommitted - postingsBefore;
        return new GrainPostingResult(
            counts.Sum() / elapsed.TotalSeconds,
            batches == 0 ? 0 : (double)postings / batches,
            batches / elapsed.TotalSeconds,
            cpu,
            elapsed,
            counts.Sum(),
            (double)wal / Math.Max(1, counts.Sum()));
    }
}
