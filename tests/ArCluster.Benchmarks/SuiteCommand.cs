using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Benchmarks;

/// <summary>
/// Every figure of the bench project in one run and one table, each beside its baseline measured in
/// the same run on the same PostgreSQL server: parsing, durable postings, end-to-end ingestion on one
/// and two silos, live reconciliation, and memory per claim grain. Each part reuses its own command's
/// measurement, with smaller sizes by default, and stays runnable alone through that command.
/// </summary>
public sealed class SuiteCommand : AsyncCommand<SuiteCommand.Settings>
{
    private static readonly string[] AllParts = ["parse", "ledger", "ingest", "recon", "memory"];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--connection <CONNECTION_STRING>")]
        [Description("A PostgreSQL server to create the benchmark databases on. Default: one throwaway local server for the whole suite.")]
        public string? Connection { get; init; }

        [CommandOption("--parts <LIST>")]
        [Description("Comma-separated parts to run: parse, ledger, ingest, recon, memory.")]
        [DefaultValue("parse,ledger,ingest,recon,memory")]
        public string Parts { get; init; } = "parse,ledger,ingest,recon,memory";

        [CommandOption("--parse-mb <MB>")]
        [Description("Size of the synthetic 835 parsed (generated once into the temp folder, then reused).")]
        [DefaultValue(50)]
        public int ParseMegabytes { get; init; } = 50;

        [CommandOption("--parse-rounds <COUNT>")]
        [DefaultValue(3)]
        public int ParseRounds { get; init; } = 3;

        [CommandOption("--ledger-seconds <SECONDS>")]
        [Description("Length of each ceiling (a) and grain round.")]
        [DefaultValue(5)]
        public int LedgerSeconds { get; init; } = 5;

        [CommandOption("--ledger-rounds <COUNT>")]
        [DefaultValue(3)]
        public int LedgerRounds { get; init; } = 3;

        [CommandOption("--ledger-workers <COUNT>")]
        [DefaultValue(512)]
        public int LedgerWorkers { get; init; } = 512;

        [CommandOption("--ingest-claims <COUNT>")]
        [DefaultValue(20000)]
        public int IngestClaims { get; init; } = 20_000;

        [CommandOption("--ingest-rounds <COUNT>")]
        [Description("Rounds of one silo then two silos, each on a fresh database; medians are reported.")]
        [DefaultValue(3)]
        public int IngestRounds { get; init; } = 3;

        [CommandOption("--recon-claims <COUNT>")]
        [DefaultValue(5000)]
        public int ReconClaims { get; init; } = 5000;

        [CommandOption("--recon-rounds <COUNT>")]
        [DefaultValue(3)]
        public int ReconRounds { get; init; } = 3;

        [CommandOption("--memory-claims <COUNT>")]
        [Description("Claim grains active at once when the heap is read.")]
        [DefaultValue(100000)]
        public int MemoryClaims { get; init; } = 100_000;

        [CommandOption("--breakdown-claims <COUNT>")]
        [Description("Claims of each line count whose state is taken apart piece by piece; 0 skips the breakdown.")]
        [DefaultValue(2000)]
        public int BreakdownClaims { get; init; } = 2000;

        public override ValidationResult Validate()
        {
            var unknown = PartList.Except(AllParts).ToArray();
            return unknown.Length == 0
                ? ValidationResult.Success()
                : ValidationResult.Error($"Unknown part(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", AllParts)}.");
        }

        internal string[] PartList => [.. Parts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var parts = settings.PartList;
        if (Console.IsOutputRedirected)
        {
            // Written to a file or a pipe: wide enough that the table's rows stay on one line.
            AnsiConsole.Profile.Width = 200;
        }

        var started = DateTimeOffset.Now;
        var suiteClock = Stopwatch.StartNew();
        var loadBefore = MachineInfo.LoadAverage();
        await using var server = await BenchServer.StartAsync(settings.Connection);
        var (postgresVersion, durability) = await server.SettingsAsync();
        var table = new ResultTable();
        var notes = new List<string>();
        var ok = true;

        table.Section("Machine");
        table.Add("Cores", MachineInfo.Cores);
        table.Add("Memory", MachineInfo.Memory);
        table.Add("OS", MachineInfo.OperatingSystem);
        table.Add(".NET", MachineInfo.Runtime);
        table.Add("PostgreSQL", postgresVersion + (server.IsThrowaway ? ", a throwaway local server on this machine" : ""));
        table.Add("PostgreSQL settings", durability);

        double? ceilingA = null;
        if (parts.Contains("parse"))
        {
            var figures = await Part(table, "835 parsing", () => Task.FromResult(
                ParseBenchmarkCommand.Measure(null, settings.ParseMegabytes, settings.ParseRounds, Progress)));
            if (figures.Rejected > 0)
            {
                notes.Add($"Parse: {figures.Rejected} transaction sets rejected; first: {figures.FirstRejection}");
                ok = false;
            }
            else
            {
                var scan = figures.MegabytesPerSecond(figures.Scan);
                var byteLoop = figures.MegabytesPerSecond(figures.ByteLoop);
                var parse = figures.MegabytesPerSecond(figures.Parse.Seconds);
                var ahead = figures.MegabytesPerSecond(figures.ReadAhead.Seconds);
                var raw = $"(a) raw scan {Number(scan)} MB/s";
                table.Add($"(b) full parse + balancing, RemittanceFile.Read, MB/s ({figures.Bytes / 1e6:0} MB file)", Number(parse), raw, Times(parse / scan));
                table.Add("(b') the same with ReadAhead = 64, MB/s", Number(ahead), raw, Times(ahead / scan));
                table.Add("(b) against a byte-at-a-time scan, MB/s", Number(parse), $"(a') byte loop {Number(byteLoop)} MB/s", Times(parse / byteLoop));
                table.Add("Live memory while streaming (max after a full GC), MB", Decimal1(figures.MaxLiveBytes / 1e6), $"file {figures.Bytes / 1e6:0} MB", Times(figures.MaxLiveBytes / (double)figures.Bytes));
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Parse: median of {settings.ParseRounds} rounds after a warm-up; {figures.Parse.Transactions:N0} transaction sets, {figures.Parse.Claims:N0} claims; (a) is a vectorized count of segment terminators over 1 MiB reads of the same file (in the page cache)."));
            }
        }

        if (parts.Contains("ledger"))
        {
            var ledger = new LedgerBenchmarkCommand.Settings { Seconds = settings.LedgerSeconds, Rounds = settings.LedgerRounds, Workers = settings.LedgerWorkers };
            var figures = await Part(table, "Durable postings (ledger)", () => LedgerBenchmarkCommand.MeasureAsync(server, ledger, unbatched: false, Progress));
            ceilingA = figures.SingleRow;
            var a = $"(a) {Number(figures.SingleRow)}/s";
            table.Add("(a) PostgreSQL single-row insert + commit, 16 connections, per second", Number(figures.SingleRow), "", "1.00");
            table.Add("(b) PostgreSQL bulk insert (binary COPY), rows per second", Number(figures.Bulk), a, Times(figures.Bulk / figures.SingleRow));
            table.Add($"Grain postings, durable, per second ({ledger.Workers} in flight, {ledger.Claims:N0} claims)", Number(figures.Grains.PostingsPerSecond), a, Times(figures.Ratio));
            table.Add("Grain postings against the bulk ceiling (b)", Number(figures.Grains.PostingsPerSecond), $"(b) {Number(figures.Bulk)}/s", Times(figures.Grains.PostingsPerSecond / figures.Bulk));
            notes.Add($"Ledger: {settings.LedgerRounds} rounds of {settings.LedgerSeconds} s, (a) and the grains taking turns; the grain ratio is the median of each round's grains ÷ the (a) just before. " +
                      $"Rounds (a): {string.Join(", ", figures.SingleRows.Select(Number))}; grains: {string.Join(", ", figures.GrainRuns.Select(g => Number(g.PostingsPerSecond)))}. {figures.DescribeMedianRound()}");
        }

        if (parts.Contains("ingest"))
        {
            var (one, two) = await Part(table, "835 ingestion end to end (client → gateway → grains → durable journal)", async () =>
            {
                var ones = new List<IngestRun>();
                var twos = new List<IngestRun>();
                for (var round = 1; round <= settings.IngestRounds; round++)
                {
                    Progress($"Ingestion round {round}/{settings.IngestRounds}: one silo, then two silos of one cluster...");
                    ones.Add(await IngestBenchmarkCommand.RunAsync(server, settings.IngestClaims, 1000, silos: 1, measureCeiling: false, Progress, cancellationToken));
                    twos.Add(await IngestBenchmarkCommand.RunAsync(server, settings.IngestClaims, 1000, silos: 2, measureCeiling: false, Progress, cancellationToken));
                }

                return (ones, twos);
            });
            var oneRate = Median(one.Select(r => r.ClaimsPerSecond));
            var twoRate = Median(two.Select(r => r.ClaimsPerSecond));
            table.Add($"1 silo, claims per second ({settings.IngestClaims:N0} claims, 6 entries each)", Number(oneRate),
                ceilingA is { } c ? $"(a) {Number(c)}/s" : "", ceilingA is { } c2 ? Times(oneRate / c2) : "");
            table.Add("2 silos of one cluster, one process (see note), claims per second", Number(twoRate), $"1 silo {Number(oneRate)}/s", Times(twoRate / oneRate));
            ok &= one.Concat(two).All(r => r.Complete);
            notes.Add($"Ingestion: median of {settings.IngestRounds} rounds, each on a fresh database. Rounds, 1 silo: {string.Join(", ", one.Select(r => Number(r.ClaimsPerSecond)))}; 2 silos: {string.Join(", ", two.Select(r => Number(r.ClaimsPerSecond)))}; 2 silos ÷ the 1 silo just before: {string.Join(", ", two.Select((r, i) => Times(r.ClaimsPerSecond / one[i].ClaimsPerSecond)))}.");
            notes.AddRange(one.Concat(two).Select(r => "  " + r.Describe()));
            notes.Add(IngestBenchmarkCommand.TwoSilosNote);
        }

        if (parts.Contains("recon"))
        {
            var recon = new ReconBenchmarkCommand.Settings { Claims = settings.ReconClaims, Rounds = settings.ReconRounds };
            var figures = await Part(table, "Live reconciliation (ledger stream consumers)", () => ReconBenchmarkCommand.MeasureAsync(server, recon, Progress, cancellationToken));
            table.Add("835 ingestion with the stream consumers on, claims per second", Number(figures.On), $"off {Number(figures.Off)}/s", Times(figures.On / figures.Off));
            table.Add("Supervisor balance query p50 during ingestion at full speed, ms", Ms(figures.Busy(0.50)), $"idle p50 {Ms(figures.Idle(0.50))}", Times(figures.Busy(0.50) / figures.Idle(0.50)));
            table.Add("Supervisor balance query p99 during ingestion at full speed, ms", Ms(figures.Busy(0.99)), $"idle p99 {Ms(figures.Idle(0.99))}", Times(figures.Busy(0.99) / figures.Idle(0.99)));
            table.Add("Totals complete after ingestion ends (median), ms", Number(figures.Lag), $"rounds {string.Join(", ", figures.Lags.Select(Number))}");
            notes.Add($"Recon: {figures.Describe()} Rounds, consumers off: {string.Join(", ", figures.OffRates.Select(Number))} claims/s; on: {string.Join(", ", figures.OnRates.Select(Number))} claims/s.");
        }

        if (parts.Contains("memory"))
        {
            var figures = await Part(table, $"Memory per active claim grain ({settings.MemoryClaims:N0} active at once, target 8 KB)", () =>
                ClaimGrainMemory.MeasureAsync(server, settings.MemoryClaims, settings.BreakdownClaims, Progress, null, cancellationToken));
            var target = $"target {Number(ClaimGrainMemory.TargetBytes)} B";
            foreach (var grains in new[] { figures.Opened, figures.Paid })
            {
                table.Add($"{MemoryBenchmarkCommand.Label(grains)}, bytes", Number(grains.BytesPerClaim), target, Times(grains.BytesPerClaim / ClaimGrainMemory.TargetBytes));
                ok &= grains.AllActive;
                notes.Add("Memory, " + MemoryBenchmarkCommand.Describe(grains));
            }

            if (figures.Paid.Breakdown is { } breakdown)
            {
                var paid = figures.Paid;
                var mix = breakdown.Mixed;
                var total = paid.BytesPerClaim;
                var share = $"of {Number(total)} B";
                void Piece(string name, double bytes) => table.AddDetail($"{name}, bytes", Number(bytes), share, Percent(bytes / total));
                Piece("Orleans activation + grain object (the rest)", paid.ActivationOverhead!.Value);
                Piece("ledger entries (records, entry ids, payer ids, codes)", mix.Entries);
                Piece("Claim's indexes (by-id dictionaries, balances after, line balances)", mix.Aggregate);
                Piece("ClaimDetails (ids, coverage, diagnoses, service lines)", mix.Details);
                Piece("ClaimPosting records", mix.Postings);
                Piece("command fingerprints", mix.Fingerprints);
                Piece("grain key strings", mix.Keys);
                var three = breakdown.ByLines.Single(b => b.Lines == 3).Total + paid.ActivationOverhead.Value;
                table.Add("Paid claim with 3 service lines (its state measured + the Orleans share), bytes", Number(three), target, Times(three / ClaimGrainMemory.TargetBytes));
            }
        }

        var loadAfter = MachineInfo.LoadAverage();
        table.Section("Run");
        table.Add("Whole suite, minutes", Decimal1(suiteClock.Elapsed.TotalMinutes));
        table.Add("Load average (1 min), start → end", $"{loadBefore} → {loadAfter}", $"{Environment.ProcessorCount} cores");
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLineInterpolated($"[bold]ArCluster benchmark suite — {started:yyyy-MM-dd HH:mm}, {suiteClock.Elapsed.TotalMinutes:0.0} min[/]");
        AnsiConsole.Write(table.ToSpectre());
        notes.Add("'CPU taken by other processes' is the machine's busy time (/proc/stat) less this process and its PostgreSQL server's processes, while the section ran: other engineers' builds and tests on a shared machine. Above a few % the section's figures are disturbed.");
        foreach (var note in notes)
        {
            AnsiConsole.WriteLine(note);
        }

        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine("Markdown (for docs/benchmarks.md):");
        AnsiConsole.WriteLine();
        Console.WriteLine($"Suite run {started:yyyy-MM-dd}, `dotnet run -c Release --project tests/ArCluster.Benchmarks -- suite`, {suiteClock.Elapsed.TotalMinutes:0.0} min.");
        Console.WriteLine();
        Console.WriteLine(table.ToMarkdown());
        Console.WriteLine();
        foreach (var note in notes)
        {
            Console.WriteLine(note.StartsWith("  ", StringComparison.Ordinal) ? $"  - {note.Trim()}" : $"- {note}");
        }

        return ok ? 0 : 1;
    }

    /// <summary>Runs one part under its section title; the section's last row says how much of the machine other processes took meanwhile.</summary>
    private static async Task<T> Part<T>(ResultTable table, string title, Func<Task<T>> measure)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{title}[/]");
        var clock = Stopwatch.StartNew();
        var before = CpuSample.Take();
        var result = await measure();
        var cpu = CpuSample.Take().Since(before);
        var available = clock.Elapsed.TotalSeconds * Environment.ProcessorCount;
        table.Section($"{title} — {clock.Elapsed.TotalSeconds:0} s", section => section.AddDetail(
            "CPU taken by other processes meanwhile (share of all cores)",
            Percent(cpu.Others.TotalSeconds / available),
            $"this process {Percent(cpu.Process.TotalSeconds / available)}, PostgreSQL {Percent(cpu.Postgres.TotalSeconds / available)}"));
        return result;
    }

    private static void Progress(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");

    private static double Median(IEnumerable<double> values) => ReconFigures.Median([.. values]);

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Decimal1(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);
}
