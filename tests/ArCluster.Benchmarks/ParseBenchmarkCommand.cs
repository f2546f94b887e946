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
        var path = settings.File;
        if (path is null)
        {
            var watch = Stopwatch.StartNew();
            (path, var generated) = SyntheticRemittanceFile.Ensure(settings.SizeMegabytes);
            AnsiConsole.MarkupLineInterpolated($"[grey]{(generated ? $"Generated {path} in {watch.Elapsed.TotalSeconds:0.0} s" : $"Reusing {path}")}[/]");
        }

        var bytes = new FileInfo(path).Length;
        var terminator = SegmentTerminator(path);

        AnsiConsole.MarkupLine("[grey]Warm-up: one raw scan, one full parse (JIT, page cache)...[/]");
        var census = RawScan(path, terminator);
        var warm = FullParse(path, X12ReadOptions.Default);
        if (warm.Rejected > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{warm.Rejected} transaction sets were rejected; first: {warm.FirstRejection}[/]");
            return 1;
        }

        var scans = new List<double>();
        var byteLoops = new List<double>();
        var parses = new List<ParseRun>();
        var readAhead = new List<ParseRun>();
        var singlePass = new List<double>();
        var segmentsOnly = new List<double>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]Round {round}/{settings.Rounds}: raw scan, full parse, with read-ahead, single-pass, envelope and segments only...[/]");
            scans.Add(RawScan(path, terminator).Seconds);
            byteLoops.Add(ByteLoopScan(path, terminator));
            parses.Add(FullParse(path, X12ReadOptions.Default));
            readAhead.Add(FullParse(path, new X12ReadOptions { ReadAhead = 64 }));
            singlePass.Add(FullParse(path, new X12ReadOptions { VerifyTrailersFirst = false }).Seconds);
            segmentsOnly.Add(SegmentsOnly(path));
        }

        var scan = Median(scans);
        var parse = parses.OrderBy(p => p.Seconds).ElementAt(parses.Count / 2);
        var table = new Table().AddColumns("Figure (median of rounds)", "MB/s", "× raw scan");
        table.AddRow("(a) raw scan: 1 MiB reads, count segment terminators (vectorized)", Rate(bytes, scan), "1.00");
        table.AddRow("(a') raw scan, one byte at a time (the same count, not vectorized)", Rate(bytes, Median(byteLoops)), Ratio(scan, Median(byteLoops)));
        var ahead = readAhead.OrderBy(p => p.Seconds).ElementAt(readAhead.Count / 2);
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Full parse (b) against the byte-at-a-time scan (a'): {Median(byteLoops) / parse.Seconds:0.00}×; with read-ahead (b'): {Median(byteLoops) / ahead.Seconds:0.00}×."));
        table.AddRow("(b) full parse + balancing, RemittanceFile.Read (trailers checked first)", Rate(bytes, parse.Seconds), Ratio(scan, parse.Seconds));
        table.AddRow("(b') the same with ReadAhead = 64 (split on a 2nd thread)", Rate(bytes, ahead.Seconds), Ratio(scan, ahead.Seconds));
        table.AddRow("    the same in one pass (VerifyTrailersFirst = false)", Rate(bytes, Median(singlePass)), Ratio(scan, Median(singlePass)));
        table.AddRow("    envelope + segments only, X12File.ReadTransactions (no 835 model)", Rate(bytes, Median(segmentsOnly)), Ratio(scan, Median(segmentsOnly)));
        AnsiConsole.Write(table);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"File: {bytes / 1e6:0.0} MB, {census.Segments:N0} segments, {parse.Transactions:N0} transaction sets, {parse.Claims:N0} claims, {parse.Services:N0} service lines, all accepted."));
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rounds — (a): {string.Join(", ", scans.Select(s => Rate(bytes, s)))} MB/s; (b): {string.Join(", ", parses.Select(p => Rate(bytes, p.Seconds)))} MB/s; (b'): {string.Join(", ", readAhead.Select(p => Rate(bytes, p.Seconds)))} MB/s."));
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory while streaming (b, b'): GC heap at most {parses.Concat(readAhead).Max(p => p.MaxHeapBytes) / 1e6:0.0} MB (sampled every 200 transaction sets, garbage included), " +
            $"live after a full collection at most {parses.Concat(readAhead).Max(p => p.MaxLiveBytes) / 1e6:0.0} MB; process peak working set {process.PeakWorkingSet64 / 1e6:0} MB; " +
            $"allocated {parse.AllocatedBytes / 1e6:N0} MB and gen0/1/2 collections {parse.Gen0}/{parse.Gen1}/{parse.Gen2} per parse (b)."));
        return 0;
    }

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

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Rate(long bytes, double seconds) => (bytes / 1e6 / seconds).ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double baselineSeconds, double seconds) => (baselineSeconds / seconds).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record ParseRun(double Seconds, int Transactions, int Rejected, long Claims, long Services, long MaxHeapBytes, long MaxLiveBytes, long AllocatedBytes, int Gen0, int Gen1, int Gen2, string? FirstRejection);
}

internal delegate int CountIn(ReadOnlySpan<byte> chunk);
