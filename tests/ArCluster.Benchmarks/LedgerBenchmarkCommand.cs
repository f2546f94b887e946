using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Benchmarks;

/// <summary>
/// Issue 3's figure: durable postings per second through the grains, printed beside two ceilings
/// measured on the same database in the same run — single-row commits from 16 connections, and a
/// bulk copy — so the ratio, not the machine, is what is compared.
/// </summary>
public sealed class LedgerBenchmarkCommand : AsyncCommand<LedgerBenchmarkCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--connection <CONNECTION_STRING>")]
        [Description("A PostgreSQL server to create the benchmark database on. Default: a throwaway local server.")]
        public string? Connection { get; init; }

        [CommandOption("--seconds <SECONDS>")]
        [Description("Length of each measured run.")]
        [DefaultValue(10)]
        public int Seconds { get; init; } = 10;

        [CommandOption("--writers <COUNT>")]
        [Description("Journal transactions in flight at once in the silo. Default: the silo's own default.")]
        public int? Writers { get; init; }

        [CommandOption("--rounds <COUNT>")]
        [Description("Alternating rounds of ceiling (a) and grain postings; the medians are reported.")]
        [DefaultValue(3)]
        public int Rounds { get; init; } = 3;

        [CommandOption("--claims <COUNT>")]
        [DefaultValue(2000)]
        public int Claims { get; init; } = 2000;

        [CommandOption("--workers <COUNT>")]
        [Description("Postings in flight at once (concurrent callers).")]
        [DefaultValue(512)]
        public int Workers { get; init; } = 512;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var server = await BenchServer.StartAsync(settings.Connection);
        AnsiConsole.MarkupLineInterpolated($"[grey]{MachineInfo.Describe(await server.DescribeAsync())}[/]");
        var figures = await MeasureAsync(server, settings, unbatched: true, Progress);

        var single = figures.SingleRow;
        var grains = figures.Grains;
        var table = new Table().AddColumns("Figure (median of rounds)", "Per second", "× ceiling (a)");
        table.AddRow("(a) PostgreSQL single-row insert + commit, 16 connections", Rate(single), "1.00");
        table.AddRow("(b) PostgreSQL bulk insert (COPY), rows", Rate(figures.Bulk), Ratio(figures.Bulk, single));
        table.AddRow("Journal rows unbatched: posting + entry per transaction, 16 connections", Rate(figures.Unbatched!.Value), Ratio(figures.Unbatched.Value, single));
        table.AddRow("Grain postings, durable (synchronous_commit on)", Rate(grains.PostingsPerSecond), figures.Ratio.ToString("0.00", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rounds — (a): {string.Join(", ", figures.SingleRows.Select(Rate))}; grains: {string.Join(", ", figures.GrainRuns.Select(g => Rate(g.PostingsPerSecond)))}; ratio: {string.Join(", ", figures.Ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}"));
        AnsiConsole.WriteLine(figures.DescribeMedianRound());
        return 0;
    }

    /// <summary>
    /// The ledger figures on a fresh database of <paramref name="server"/>: a warm-up, then rounds in
    /// which ceiling (a) and the grains take turns, then (optionally) the unbatched journal rows and
    /// ceiling (b).
    /// </summary>
    internal static async Task<LedgerFigures> MeasureAsync(BenchServer server, Settings settings, bool unbatched, Action<string> progress)
    {
        var duration = TimeSpan.FromSeconds(settings.Seconds);
        await using var database = await server.CreateDatabaseAsync();
        await using var silo = await InProcessSilo.StartAsync(database.ConnectionString, settings.Writers ?? new Persistence.Journal.LedgerJournalOptions().Writers);
        progress($"Opening {settings.Claims} claims...");
        await GrainPostings.SeedAsync(silo.Grains, settings.Claims);
        await GrainPostings.RunAsync(silo, database, settings.Claims, settings.Workers, TimeSpan.FromSeconds(3), "warm");

        // Disk flush latency on shared machines drifts from minute to minute, so the ceiling and the
        // grains take turns and each ratio compares neighbours.
        var singles = new List<double>();
        var grainRuns = new List<GrainPostingResult>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            progress($"Round {round}/{settings.Rounds}: ceiling (a), then grain postings ({settings.Workers} in flight), {settings.Seconds} s each...");
            singles.Add(await PostgresCeilings.SingleRowCommitsPerSecondAsync(database.ConnectionString, 16, duration));
            grainRuns.Add(await GrainPostings.RunAsync(silo, database, settings.Claims, settings.Workers, duration, $"r{round}"));
        }

        double? unbatchedRate = null;
        if (unbatched)
        {
            progress("Reference: the journal's rows, one posting per transaction, 16 connections...");
            unbatchedRate = await PostgresCeilings.UnbatchedJournalPostingsPerSecondAsync(database.ConnectionString, 16, duration);
        }

        progress("Ceiling (b): bulk insert (binary COPY, one transaction)...");
        var bulk = await PostgresCeilings.BulkRowsPerSecondAsync(database.ConnectionString, 500_000);
        return new LedgerFigures(singles, grainRuns, unbatchedRate, bulk);
    }

    private static void Progress(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double value, double baseline) => (value / baseline).ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>The ledger benchmark's measurements: per round, ceiling (a) and the grains, each ratio comparing neighbours.</summary>
internal sealed record LedgerFigures(IReadOnlyList<double> SingleRows, IReadOnlyList<GrainPostingResult> GrainRuns, double? Unbatched, double Bulk)
{
    /// <summary>Ceiling (a), the median round.</summary>
    public double SingleRow => SingleRows.Order().ElementAt(SingleRows.Count / 2);

    /// <summary>The median grain round.</summary>
    public GrainPostingResult Grains => GrainRuns.OrderBy(g => g.PostingsPerSecond).ElementAt(GrainRuns.Count / 2);

    public IReadOnlyList<double> Ratios => [.. GrainRuns.Select((g, i) => g.PostingsPerSecond / SingleRows[i])];

    /// <summary>The median of the rounds' ratios: grains over the ceiling (a) measured just before them.</summary>
    public double Ratio => Ratios.Order().ElementAt(Ratios.Count / 2);

    public string DescribeMedianRound()
    {
        var grains = Grains;
        return string.Create(CultureInfo.InvariantCulture,
            $"Median grain round: {grains.Postings:N0} postings in {grains.Elapsed.TotalSeconds:0.0} s; {grains.CommitsPerSecond:0} commits/s, {grains.MeanBatch:0.0} postings per commit, {grains.WalBytesPerPosting:N0} bytes of WAL per posting; " +
            $"CPU: silo+client {grains.Cpu.Process.TotalSeconds:0.0} s, PostgreSQL {grains.Cpu.Postgres.TotalSeconds:0.0} s, other processes {grains.Cpu.Others.TotalSeconds:0.0} s of {grains.Elapsed.TotalSeconds * Environment.ProcessorCount:0.0} s available.");
    }
}
