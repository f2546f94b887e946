using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ArCluster.X12;
using ArCluster.X12.Remittance;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Benchmarks;

/// <summary>
/// 835 reading throughput beside the fastest possible pass over the same bytes, measured in the same
/// run on the same file: (a) reading it in 1 MiB chunks and counting segment terminators, (b) the full
/// streaming parse and balancing through <see cref="RemittanceFile.Read(string, X12ReadOptions?)"/>.
/// The ratio, not the machine, is what is compared; memory is sampled while streaming to show it stays flat.
/// </summary>
public sealed class ParseBenchmarkCommand : Command<ParseBenchmarkCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--size-mb <MB>")]
        [Description("Size of the synthetic 835 (generated once into the temp folder, then reused).")]
        [DefaultValue(100)]
        public int SizeMegabytes { get; init; } = 100;

        [CommandOption("--rounds <COUNT>")]
        [Description("Rounds of each measurement; medians are reported.")]
        [DefaultValue(3)]
        public int Rounds { get; init; } = 3;

        [CommandOption("--file <PATH>")]
        [Description("Measure this 835 instead of the synthetic one.")]
        public string? File { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLineInterpolated($"[grey]{MachineInfo.Describe(GCSettings.IsServerGC ? "server GC" : "workstation GC")}[/]");
        var figures = Measure(settings.File, settings.SizeMegabytes, settings.Rounds, Progress);
        if (figures.Rejected > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{figures.Rejected} transaction sets were rejected; first: {figures.FirstRejection}[/]");
            return 1;
        }

        var bytes = figures.Bytes;
        var scan = figures.Scan;
        var table = new Table().AddColumns("Figure (median of rounds)", "MB/s", "× raw scan");
        table.AddRow("(a) raw scan: 1 MiB reads, count segment terminators (vectorized)", Rate(bytes, scan), "1.00");
        table.AddRow("(a') raw scan, one byte at a time (the same count, not vectorized)", Rate(bytes, figures.ByteLoop), Ratio(scan, figures.ByteLoop));
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Full parse (b) against the byte-at-a-time scan (a'): {figures.ByteLoop / figures.Parse.Seconds:0.00}×; with read-ahead (b'): {figures.ByteLoop / figures.ReadAhead.Seconds:0.00}×."));
        table.AddRow("(b) full parse + balancing, RemittanceFile.Read (trailers checked first)", Rate(bytes, figures.Parse.Seconds), Ratio(scan, figures.Parse.Seconds));
        table.AddRow("(b') the same with ReadAhead = 64 (split on a 2nd thread)", Rate(bytes, figures.ReadAhead.Seconds), Ratio(scan, figures.ReadAhead.Seconds));
        table.AddRow("    the same in one pass (VerifyTrailersFirst = false)", Rate(bytes, figures.SinglePass), Ratio(scan, figures.SinglePass));
        table.AddRow("    envelope + segments only, X12File.ReadTransactions (no 835 model)", Rate(bytes, figures.SegmentsOnly), Ratio(scan, figures.SegmentsOnly));
        AnsiConsole.Write(table);

        var parse = figures.Parse;
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"File: {bytes / 1e6:0.0} MB, {figures.Segments:N0} segments, {parse.Transactions:N0} transaction sets, {parse.Claims:N0} claims, {parse.Services:N0} service lines, all accepted."));
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rounds — (a): {string.Join(", ", figures.Scans.Select(s => Rate(bytes, s)))} MB/s; (b): {string.Join(", ", figures.Parses.Select(p => Rate(bytes, p.Seconds)))} MB/s; (b'): {string.Join(", ", figures.ReadAheads.Select(p => Rate(bytes, p.Seconds)))} MB/s."));
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory while streaming (b, b'): GC heap at most {figures.MaxHeapBytes / 1e6:0.0} MB (sampled every 200 transaction sets, garbage included), " +
            $"live after a full collection at most {figures.MaxLiveBytes / 1e6:0.0} MB; process peak working set {figures.PeakWorkingSetBytes / 1e6:0} MB; " +
            $"allocated {parse.AllocatedBytes / 1e6:N0} MB and gen0/1/2 collections {parse.Gen0}/{parse.Gen1}/{parse.Gen2} per parse (b)."));
        return 0;
    }

    /// <summary>
    /// Every figure of this benchmark, on <paramref name="file"/> or on the synthetic 835 of
    /// <paramref name="sizeMegabytes"/> MB: one warm-up of each, then <paramref name="rounds"/> rounds.
    /// </summary>
    internal static ParseFigures Measure(string? file, int sizeMegabytes, int rounds, Action<string> progress)
    {
        var path = file;
        if (path is null)
        {
            var watch = Stopwatch.StartNew();
            (path, var generated) = SyntheticRemittanceFile.Ensure(sizeMegabytes);
            progress(generated ? $"Generated {path} in {watch.Elapsed.TotalSeconds:0.0} s" : $"Reusing {path}");
        }

        var bytes = new FileInfo(path).Length;
        var terminator = SegmentTerminator(path);

        progress("Warm-up: one raw scan, one full parse (JIT, page cache)...");
        var census = RawScan(path, terminator);
        var warm = FullParse(path, X12ReadOptions.Default);
        var scans = new List<double>();
        var byteLoops = new List<double>();
        var parses = new List<ParseRun>();
        var readAhead = new List<ParseRun>();
        var singlePass = new List<double>();
        var segmentsOnly = new List<double>();
        for (var round = 1; warm.Rejected == 0 && round <= rounds; round++)
        {
            progress($"Round {round}/{rounds}: raw scan, full parse, with read-ahead, single-pass, envelope and segments only...");
            scans.Add(RawScan(path, terminator).Seconds);
            byteLoops.Add(ByteLoopScan(path, terminator));
            parses.Add(FullParse(path, X12ReadOptions.Default));
            readAhead.Add(FullParse(path, new X12ReadOptions { ReadAhead = 64 }));
            singlePass.Add(FullParse(path, new X12ReadOptions { VerifyTrailersFirst = false }).Seconds);
            segmentsOnly.Add(SegmentsOnly(path));
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ParseFigures(bytes, census.Segments, scans, byteLoops, parses, readAhead, singlePass, segmentsOnly, process.PeakWorkingSet64, warm.Rejected, warm.FirstRejection);
    }

    private static void Progress(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");

    private static byte SegmentTerminator(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        var isa = new byte[106];
        stream.ReadExactly(isa);
        return isa[105];
    }

    /// <summary>The baseline: every byte read once, in large chunks, and looked at once (vectorized count).</summary>
    private static (double Seconds, long Segments) RawScan(string path, byte terminator) =>
        ScanChunks(path, chunk => chunk.Count(terminator));

    /// <summary>A second baseline: the same count with a plain loop, as a scanner that looks at each byte does.</summary>
    private static double ByteLoopScan(string path, byte terminator) =>
        ScanChunks(path, chunk =>
        {
            var segments = 0;
            foreach (var b in chunk)
            {
                if (b == terminator)
                {
                    segments++;
                }
            }

            return segments;
        }).Seconds;

    private static (double Seconds, long Segments) ScanChunks(string path, CountIn count)
    {
        var watch = Stopwatch.StartNew();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long segments = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            segments += count(buffer.AsSpan(0, read));
        }

        return (watch.Elapsed.TotalSeconds, segments);
    }

    private static ParseRun FullParse(string path, X12ReadOptions options)
    {
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        long maxHeap = 0, maxLive = 0, claims = 0, services = 0;
        int transactions = 0, rejected = 0;
        string? firstRejection = null;
        var watch = Stopwatch.StartNew();
        var sampling = TimeSpan.Zero;
        foreach (var result in RemittanceFile.Read(path, options))
        {
            transactions++;
            if (result is AcceptedRemittance accepted)
            {
                claims += accepted.Advice.Claims.Length;
                foreach (var claim in accepted.Advice.Claims)
                {
                    services += claim.Services.Length;
                }
            }
            else
            {
                rejected++;
                firstRejection ??= ((RejectedRemittance)result).Describe();
            }

            if (transactions % 200 == 0)
            {
                maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(false));
            }

            if (transactions % 5000 == 0)
            {
                // A forced collection now and then shows what is really held; its time is not counted.
                var pause = Stopwatch.StartNew();
                maxLive = Math.Max(maxLive, GC.GetTotalMemory(true));
                sampling += pause.Elapsed;
            }
        }

        var seconds = (watch.Elapsed - sampling).TotalSeconds;
        return new ParseRun(seconds, transactions, rejected, claims, services, maxHeap, maxLive, GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, firstRejection);
    }

    private static double SegmentsOnly(string path)
    {
        var watch = Stopwatch.StartNew();
        long segments = 0;
        foreach (var transaction in X12File.ReadTransactions(path))
        {
            segments += transaction.Segments.Count;
        }

        return segments > 0 ? watch.Elapsed.TotalSeconds : double.NaN;
    }

    private static string Rate(long bytes, double seconds) => (bytes / 1e6 / seconds).ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double baselineSeconds, double seconds) => (baselineSeconds / seconds).ToString("0.00", CultureInfo.InvariantCulture);

    internal sealed record ParseRun(double Seconds, int Transactions, int Rejected, long Claims, long Services, long MaxHeapBytes, long MaxLiveBytes, long AllocatedBytes, int Gen0, int Gen1, int Gen2, string? FirstRejection);
}

internal delegate int CountIn(ReadOnlySpan<byte> chunk);

/// <summary>The parse benchmark's measurements: seconds per round of each pass over one file, medians taken as the figures.</summary>
internal sealed record ParseFigures(
    long Bytes,
    long Segments,
    IReadOnlyList<double> Scans,
    IReadOnlyList<double> ByteLoops,
    IReadOnlyList<ParseBenchmarkCommand.ParseRun> Parses,
    IReadOnlyList<ParseBenchmarkCommand.ParseRun> ReadAheads,
    IReadOnlyList<double> SinglePasses,
    IReadOnlyList<double> SegmentsOnlyPasses,
    long PeakWorkingSetBytes,
    int Rejected,
    string? FirstRejection)
{
    public double Scan => Median(Scans);

    public double ByteLoop => Median(ByteLoops);

    public ParseBenchmarkCommand.ParseRun Parse => Parses.OrderBy(p => p.Seconds).ElementAt(Parses.Count / 2);

    public ParseBenchmarkCommand.ParseRun ReadAhead => ReadAheads.OrderBy(p => p.Seconds).ElementAt(ReadAheads.Count / 2);

    public double SinglePass => Median(SinglePasses);

    public double SegmentsOnly => Median(SegmentsOnlyPasses);

    public long MaxHeapBytes => Parses.Concat(ReadAheads).Max(p => p.MaxHeapBytes);

    public long MaxLiveBytes => Parses.Concat(ReadAheads).Max(p => p.MaxLiveBytes);

    /// <summary>Megabytes (10⁶ bytes) per second of a pass that took <paramref name="seconds"/>.</summary>
    public double MegabytesPerSecond(double seconds) => Bytes / 1e6 / seconds;

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
}
