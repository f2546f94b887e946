using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Persistence.Ledger;
using ArCluster.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ArCluster.Benchmarks;

/// <summary>
/// What one active claim grain costs in memory: the GC heap of a silo with N claims active, after a
/// full blocking compacting collection, against the same silo just before they were activated,
/// divided by N. Measured twice: claims as opened (one posting: the charges) and as paid by an 835
/// (two postings), each in a fresh silo that loads them from the journal, as after any restart.
/// </summary>
internal static class ClaimGrainMemory
{
    public const int TargetBytes = 8 * 1024;

    private const string Practice = "memory";

    /// <summary>
    /// Opens <paramref name="claims"/> claims (plus a few for warming up), measures them opened,
    /// pays them all with one 835 through the client, and measures them paid.
    /// <paramref name="whilePaidActive"/> runs while the paid claims are active (e.g. to take a heap dump).
    /// </summary>
    public static async Task<ClaimMemoryFigures> MeasureAsync(
        BenchServer server, int claims, int breakdownClaims, Action<string> progress, Func<Task>? whilePaidActive, CancellationToken cancellationToken)
    {
        await using var database = await server.CreateDatabaseAsync();
        var warm = Math.Clamp(claims / 50, 300, 2_000);
        var workload = new EraWorkload(Practice, SampleLedger.Commercial, claims + warm, 1000);
        var clock = Stopwatch.StartNew();
        progress($"Opening {claims + warm:N0} claims (1 to 3 service lines, as EraWorkload makes them)...");
        await OpenAsync(database, workload);
        progress($"Opened in {clock.Elapsed.TotalSeconds:0} s. Measuring opened claims in a fresh silo...");
        var opened = await MeasureStateAsync(database, claims, warm, breakdownClaims, "opened", progress, null);

        progress("Paying every claim with one 835 through the client...");
        await PayAsync(database, workload, cancellationToken);
        progress("Measuring paid claims in a fresh silo...");
        var paid = await MeasureStateAsync(database, claims, warm, breakdownClaims, "paid", progress, whilePaidActive);
        return new ClaimMemoryFigures(opened, paid);
    }

    /// <summary>Each phase runs in a method of its own, so that nothing of its silo is still referenced when the next one measures.</summary>
    private static async Task OpenAsync(BenchDatabase database, EraWorkload workload)
    {
        await using var silo = await StartSiloAsync(database);
        await IngestBenchmarkCommand.SeedAsync(silo.Grains, workload, Practice);
    }

    private static async Task PayAsync(BenchDatabase database, EraWorkload workload, CancellationToken cancellationToken)
    {
        await using var silo = await StartSiloAsync(database);
        var file = Path.Combine(Path.GetTempPath(), $"arcluster-memory-bench-{Guid.NewGuid():N}.835");
        await using (var writer = new StreamWriter(file))
        {
            workload.WriteEra(writer, "MEM");
        }

        await using var client = await ArClusterClient.ConnectAsync(new ArClusterClientOptions
        {
            ConnectionString = database.ConnectionString,
            ClusterId = silo.ClusterId,
            ServiceId = silo.ClusterId,
            User = "bench",
        }, cancellationToken);
        var report = await client.Remittances.IngestFileAsync(file, Practice, null, cancellationToken);
        File.Delete(file);
        var posted = report.Transactions.Sum(t => t.ClaimsPosted);
        if (posted != workload.Claims || report.Transactions.Any(t => t.Outcome != RemittanceOutcome.Posted))
        {
            var first = report.Transactions.FirstOrDefault(t => t.Outcome != RemittanceOutcome.Posted);
            throw new InvalidOperationException(
                $"The 835 posted {posted:N0} of {workload.Claims:N0} claims; {first?.Outcome}: {string.Join("; ", first?.Reasons ?? [])}");
        }
    }

    /// <summary>
    /// The ledger feed is off: its publisher and reconciliation grains are per practice, not per
    /// claim, and would only add background allocation to the measurement.
    /// </summary>
    /// <summary>Each start is the same cluster started again, so grain state stored by one (the practice directory) is there for the next.</summary>
    private static Task<InProcessSilo> StartSiloAsync(BenchDatabase database) =>
        InProcessSilo.StartAsync(database.ConnectionString, new Persistence.Journal.LedgerJournalOptions().Writers, ledgerFeed: false, $"memory-{database.Name}");

    private static async Task<GrainMemory> MeasureStateAsync(
        BenchDatabase database, int claims, int warm, int breakdownClaims, string state, Action<string> progress, Func<Task>? whileActive)
    {
        await using var silo = await StartSiloAsync(database);

        // The first activations fill type caches, the connection pool and the directory's tables:
        // a one-time cost, kept out of the figure by activating some claims before the baseline.
        // They stay active and are part of it.
        await ActivateAsync(silo, Enumerable.Range(claims, warm));
        await ClaimActivationsAsync(silo);
        var breakdown = breakdownClaims > 0 ? await ClaimStateBreakdown.MeasureAsync(silo.Services.GetRequiredService<LedgerStore>(), breakdownClaims) : null;

        var before = await ClaimActivationsAsync(silo);
        var baseline = SettledHeapBytes();
        var clock = Stopwatch.StartNew();
        await ActivateAsync(silo, Enumerable.Range(0, claims));
        var activation = clock.Elapsed;
        var after = await ClaimActivationsAsync(silo);
        var loaded = SettledHeapBytes();
        var stillActive = await ClaimActivationsAsync(silo);
        progress(string.Create(CultureInfo.InvariantCulture,
            $"{state}: {claims:N0} claims activated in {activation.TotalSeconds:0.0} s; GC heap {baseline / 1e6:N1} MB before, {loaded / 1e6:N1} MB after; claim activations {before:N0} → {after:N0} → {stillActive:N0}"));
        if (whileActive is not null)
        {
            await whileActive();
        }

        return new GrainMemory(state, claims, baseline, loaded, before, after, stillActive, activation, breakdown);
    }

    /// <summary>Activates each claim with a read that changes nothing, from inside the silo (no network buffers).</summary>
    private static Task ActivateAsync(InProcessSilo silo, IEnumerable<int> claims) =>
        Parallel.ForEachAsync(claims, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (n, _) =>
        {
            var summary = await silo.Grains.GetGrain<IClaimGrain>($"{Practice}/{EraWorkload.ClaimId(n)}").Summarize();
            if (summary is null)
            {
                throw new InvalidOperationException($"Claim {EraWorkload.ClaimId(n)} is not on file.");
            }
        });

    private static async Task<int> ClaimActivationsAsync(InProcessSilo silo) =>
        (await IngestBenchmarkCommand.ActivationsPerSiloAsync([silo], "ClaimGrain"))[0];

    /// <summary>
    /// Bytes live on the GC heap: a full, blocking, compacting collection (the large object heap
    /// compacted too), finalizers run, and again; the least of three such readings.
    /// </summary>
    public static long SettledHeapBytes()
    {
        var least = long.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            least = Math.Min(least, GC.GetTotalMemory(forceFullCollection: false));
        }

        return least;
    }
}

/// <summary>One state's measurement: heap before and after activating the claims, and activation counts confirming they stayed active.</summary>
internal sealed record GrainMemory(
    string State,
    int Claims,
    long BaselineBytes,
    long LoadedBytes,
    int ActivationsBefore,
    int ActivationsAfter,
    int ActivationsAtEnd,
    TimeSpan Activation,
    ClaimStateBreakdown? Breakdown)
{
    public double BytesPerClaim => (double)(LoadedBytes - BaselineBytes) / Claims;

    /// <summary>Every measured claim was active when the heap was read, and none was collected meanwhile.</summary>
    public bool AllActive => ActivationsAfter - ActivationsBefore == Claims && ActivationsAtEnd == ActivationsAfter;

    /// <summary>What the grain costs beyond the claim state it holds: the Orleans activation, the grain object and its directory entries.</summary>
    public double? ActivationOverhead => Breakdown is null ? null : BytesPerClaim - Breakdown.Mixed.Total;
}

internal sealed record ClaimMemoryFigures(GrainMemory Opened, GrainMemory Paid);

/// <summary>
/// The claim state a grain holds, taken apart: histories loaded from the journal exactly as the
/// grain loads them, the claim rebuilt from them, then pieces let go one at a time with the heap
/// read after each, so every piece is the bytes only it kept alive. Per line count (1, 2, 3).
/// </summary>
internal sealed record ClaimStateBreakdown(IReadOnlyList<ClaimStateSizes> ByLines)
{
    /// <summary>The mean over 1, 2 and 3 lines: the activated claims' mix (equal thirds).</summary>
    public ClaimStateSizes Mixed => new(
        0,
        ByLines.Average(b => b.Details),
        ByLines.Average(b => b.Postings),
        ByLines.Average(b => b.Entries),
        ByLines.Average(b => b.Aggregate),
        ByLines.Average(b => b.Fingerprints),
        ByLines.Average(b => b.Keys));

    public static async Task<ClaimStateBreakdown> MeasureAsync(LedgerStore store, int claimsPerLineCount)
    {
        var sizes = new List<ClaimStateSizes>();
        foreach (var lines in new[] { 1, 2, 3 })
        {
            // EraWorkload gives claim n 1 + n % 3 lines.
            var numbers = Enumerable.Range(0, claimsPerLineCount).Select(k => (3 * k) + lines - 1).ToArray();
            sizes.Add(await MeasureAsync(store, lines, numbers));
        }

        return new ClaimStateBreakdown(sizes);
    }

    private static async Task<ClaimStateSizes> MeasureAsync(LedgerStore store, int lines, int[] numbers)
    {
        var practice = PracticeId.TryParse("memory", out var id, out _) ? id : throw new InvalidOperationException("Bad practice id.");
        var histories = new StoredHistory<ClaimPosting>[numbers.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, numbers.Length), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, token) =>
        {
            var claimId = ClaimId.TryParse(EraWorkload.ClaimId(numbers[i]), out var parsed, out _) ? parsed : throw new InvalidOperationException("Bad claim id.");
            histories[i] = await store.LoadClaimAsync(LedgerStreams.Claim(practice, claimId), token);
        });

        // Every step that reads a piece runs in a method of its own: a method that runs once is
        // not optimized, and its stack slots would keep whatever it read alive until it returns.
        var held = new Held();
        held.Build(histories, numbers);
        Array.Clear(histories);
        var total = ClaimGrainMemory.SettledHeapBytes();
        held.Fingerprints = null;
        var withoutFingerprints = ClaimGrainMemory.SettledHeapBytes();
        held.Keys = null;
        var withoutKeys = ClaimGrainMemory.SettledHeapBytes();
        held.KeepPostingsOnly();
        var postingsOnly = ClaimGrainMemory.SettledHeapBytes();
        held.KeepDetailsAndEntriesOnly();
        var withoutPostings = ClaimGrainMemory.SettledHeapBytes();
        held.Entries = null;
        var detailsOnly = ClaimGrainMemory.SettledHeapBytes();
        held.Details = null;
        var none = ClaimGrainMemory.SettledHeapBytes();

        double PerClaim(long bytes) => (double)bytes / numbers.Length;
        return new ClaimStateSizes(
            lines,
            Details: PerClaim(detailsOnly - none),
            Postings: PerClaim(postingsOnly - withoutPostings),
            Entries: PerClaim(withoutPostings - detailsOnly),
            Aggregate: PerClaim(withoutKeys - postingsOnly),
            Fingerprints: PerClaim(total - withoutFingerprints),
            Keys: PerClaim(withoutFingerprints - withoutKeys));
    }
}

/// <summary>The pieces of claim state under measurement, let go one at a time.</summary>
internal sealed class Held
{
    /// <summary>What ClaimGrain keeps: the claim rebuilt from its postings, the fingerprints copied into a dictionary, and its key's pieces (practice, claim id, stream id) as strings of their own.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Build(StoredHistory<ClaimPosting>[] histories, int[] numbers)
    {
        Claims = [.. histories.Select(h => Claim.FromHistory(h.Postings))];
        Fingerprints = [.. histories.Select(h => new Dictionary<string, byte[]>(h.CommandHashes, StringComparer.Ordinal))];
        Keys = [.. numbers.Select(n => (new string("memory".AsSpan()), EraWorkload.ClaimId(n), $"claim:memory/{EraWorkload.ClaimId(n)}"))];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public void KeepPostingsOnly()
    {
        Postings = [.. Claims!.Select(c => c.Postings.ToArray())];
        Claims = null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public void KeepDetailsAndEntriesOnly()
    {
        Details = [.. Postings!.Select(p => p[0].Details!)];
        Entries = [.. Postings!.Select(p => p.Select(x => x.Entries).ToArray())];
        Postings = null;
    }

    public Claim[]? Claims { get; set; }

    public Dictionary<string, byte[]>[]? Fingerprints { get; set; }

    public (string Practice, string Claim, string Stream)[]? Keys { get; set; }

    public ClaimPosting[][]? Postings { get; set; }

    public ClaimDetails[]? Details { get; set; }

    public System.Collections.Immutable.ImmutableArray<LedgerEntry>[][]? Entries { get; set; }
}

/// <summary>Bytes per claim of each piece of the state a claim grain holds.</summary>
/// <param name="Details">The claim as entered (<see cref="ClaimDetails"/>: ids, coverages, diagnoses, service lines).</param>
/// <param name="Postings">The <see cref="ClaimPosting"/> records themselves: posting ids, user, payer claim control number, remarks.</param>
/// <param name="Entries">The ledger entries of every posting (<see cref="LedgerEntry"/> records, entry ids, payer ids, codes).</param>
/// <param name="Aggregate">What the <see cref="Claim"/> adds: postings list and by-id dictionary, entries dictionary, balances after each posting, per-line balances, reversed set, totals.</param>
/// <param name="Fingerprints">The command fingerprints by posting id (a dictionary of 32-byte hashes).</param>
/// <param name="Keys">The grain's practice, claim and stream ids as strings.</param>
internal sealed record ClaimStateSizes(int Lines, double Details, double Postings, double Entries, double Aggregate, double Fingerprints, double Keys)
{
    public double Total => Details + Postings + Entries + Aggregate + Fingerprints + Keys;
}
