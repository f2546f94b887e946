using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Testing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Benchmarks;

/// <summary>
/// Issue 5's figures: what live reconciliation costs posting, and how a supervisor's balance query
/// answers while posting runs flat out. Rounds alternate between a silo with the ledger stream
/// consumers off and one with them on, each on its own database, so both see the same machine.
/// </summary>
public sealed class ReconBenchmarkCommand : AsyncCommand<ReconBenchmarkCommand.Settings>
{
    private static readonly DateOnly PaymentDay = new(2026, 11, 1);

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--connection <CONNECTION_STRING>")]
        [Description("A PostgreSQL server to create the benchmark databases on. Default: a throwaway local server.")]
        public string? Connection { get; init; }

        [CommandOption("--claims <COUNT>")]
        [DefaultValue(10000)]
        public int Claims { get; init; } = 10000;

        [CommandOption("--claims-per-transaction <COUNT>")]
        [DefaultValue(500)]
        public int ClaimsPerTransaction { get; init; } = 500;

        [CommandOption("--rounds <COUNT>")]
        [DefaultValue(3)]
        public int Rounds { get; init; } = 3;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var server = await BenchServer.StartAsync(settings.Connection);
        AnsiConsole.MarkupLineInterpolated($"[grey]{MachineInfo.Describe(await server.DescribeAsync())}[/]");
        var figures = await MeasureAsync(server, settings, Progress, cancellationToken);

        var table = new Table().AddColumns("Figure", "Value", "Ratio");
        table.AddRow("835 ingestion, consumers off (median claims/s)", Rate(figures.Off), "1.00");
        table.AddRow("835 ingestion, consumers on (median claims/s)", Rate(figures.On), Ratio(figures.On / figures.Off) + " × off");
        table.AddRow("Balance query p50, idle (ms)", Ms(figures.Idle(0.50)), "1.00");
        table.AddRow("Balance query p99, idle (ms)", Ms(figures.Idle(0.99)), Ratio(figures.Idle(0.99) / figures.Idle(0.50)) + " × idle p50");
        table.AddRow("Balance query p50, during ingestion (ms)", Ms(figures.Busy(0.50)), Ratio(figures.Busy(0.50) / figures.Idle(0.50)) + " × idle p50");
        table.AddRow("Balance query p99, during ingestion (ms)", Ms(figures.Busy(0.99)), Ratio(figures.Busy(0.99) / figures.Idle(0.50)) + " × idle p50");
        table.AddRow("Totals complete after ingestion ends (median ms)", Ms(figures.Lag), "");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(figures.Describe());
        return 0;
    }

    /// <summary>
    /// Rounds alternating a silo with the consumers off and one with them on, each on its own
    /// database of <paramref name="server"/>; the supervisor's queries run only in the rounds with them on.
    /// </summary>
    internal static async Task<ReconFigures> MeasureAsync(BenchServer server, Settings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var withoutFeed = await server.CreateDatabaseAsync();
        await using var withFeed = await server.CreateDatabaseAsync();
        var off = new List<double>();
        var on = new List<double>();
        var idle = new List<double>();
        var busy = new List<double>();
        var lags = new List<double>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var feed in new[] { false, true })
            {
                var result = await RunRoundAsync(feed ? withFeed : withoutFeed, feed, round, settings, cancellationToken);
                (feed ? on : off).Add(result.ClaimsPerSecond);
                idle.AddRange(result.IdleQueries);
                busy.AddRange(result.BusyQueries);
                if (result.Lag is { } lag)
                {
                    lags.Add(lag.TotalMilliseconds);
                }

                progress(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}, consumers {(feed ? "on " : "off")}: {result.ClaimsPerSecond:N0} claims/s{(feed ? $", {result.BusyQueries.Count:N0} queries during ingestion, totals complete {result.Lag?.TotalMilliseconds:N0} ms after it" : "")}"));
            }
        }

        return new ReconFigures(settings.Rounds, settings.Claims, off, on, idle, busy, lags);
    }

    private static void Progress(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");

    private static async Task<RoundResult> RunRoundAsync(BenchDatabase database, bool feed, int round, Settings settings, CancellationToken cancellationToken)
    {
        await using var silo = await InProcessSilo.StartAsync(database.ConnectionString, new Persistence.Journal.LedgerJournalOptions().Writers, feed);
        var practice = $"bench{round}";
        var workload = new EraWorkload(practice, SampleLedger.Commercial, settings.Claims, settings.ClaimsPerTransaction);
        await IngestBenchmarkCommand.SeedAsync(silo.Grains, workload, practice);
        var file = Path.Combine(Path.GetTempPath(), $"arcluster-recon-bench-{Guid.NewGuid():N}.835");
        await using (var writer = new StreamWriter(file))
        {
            workload.WriteEra(writer, $"R{round}F{(feed ? 1 : 0)}T");
        }

        await using var poster = await ConnectAsync(database, silo, "bench.poster", cancellationToken);
        await using var supervisor = await ConnectAsync(database, silo, "bench.supervisor", cancellationToken);
        var idle = new List<double>();
        if (feed)
        {
            // Until the seeding's charges are counted the consumer is busy catching up: not idle.
            await Eventually.ValueAsync(() => supervisor.Reconciliation.VerifyAsync(practice), v => v.Clean);
            idle = await QueryUntilAsync(supervisor, practice, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
        }

        var clock = Stopwatch.StartNew();
        var ingestion = poster.Remittances.IngestFileAsync(file, practice, null, cancellationToken);
        var busy = feed ? await QueryUntilAsync(supervisor, practice, ingestion) : [];
        var report = await ingestion;
        var elapsed = clock.Elapsed;
        File.Delete(file);
        var posted = report.Transactions.Sum(t => t.ClaimsPosted);
        if (posted != settings.Claims || report.Transactions.Any(t => t.Outcome != RemittanceOutcome.Posted))
        {
            throw new InvalidOperationException($"Round {round}: {posted} of {settings.Claims} claims posted.");
        }

        TimeSpan? lag = null;
        if (feed)
        {
            var paid = report.Transactions.Sum(t => t.Paid);
            await Eventually.ValueAsync(() => supervisor.Reconciliation.GetAsync(practice, PaymentDay, PaymentDay), v => v.Totals.PayerPayments == paid);
            lag = clock.Elapsed - elapsed;
            var verified = await supervisor.Reconciliation.VerifyAsync(practice);
            if (!verified.Clean)
            {
                throw new InvalidOperationException($"Round {round}: reconciliation differs from the journal on {verified.Mismatches.Length} lines.");
            }
        }

        return new RoundResult(posted / elapsed.TotalSeconds, idle, busy, lag);
    }

    /// <summary>A supervisor refreshing the day's balance, one query after another, until <paramref name="until"/> completes.</summary>
    private static async Task<List<double>> QueryUntilAsync(ArClusterClient supervisor, string practice, Task until)
    {
        var latencies = new List<double>();
        while (!until.IsCompleted)
        {
            var started = Stopwatch.GetTimestamp();
            await supervisor.Reconciliation.GetAsync(practice, PaymentDay, PaymentDay);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static Task<ArClusterClient> ConnectAsync(BenchDatabase database, InProcessSilo silo, string user, CancellationToken cancellationToken) =>
        ArClusterClient.ConnectAsync(new ArClusterClientOptions { ConnectionString = database.ConnectionString, ClusterId = silo.ClusterId, ServiceId = silo.ClusterId, User = user }, cancellationToken);

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record RoundResult(double ClaimsPerSecond, List<double> IdleQueries, List<double> BusyQueries, TimeSpan? Lag);
}

/// <summary>The recon benchmark's measurements: ingestion rates each way, and every query's latency.</summary>
internal sealed record ReconFigures(
    int Rounds,
    int Claims,
    IReadOnlyList<double> OffRates,
    IReadOnlyList<double> OnRates,
    IReadOnlyList<double> IdleQueries,
    IReadOnlyList<double> BusyQueries,
    IReadOnlyList<double> Lags)
{
    /// <summary>Median claims/s with the consumers off.</summary>
    public double Off => Median(OffRates);

    /// <summary>Median claims/s with the consumers on.</summary>
    public double On => Median(OnRates);

    /// <summary>Median time from the end of ingestion until the totals included all of it, in ms.</summary>
    public double Lag => Median(Lags);

    public double Idle(double p) => Percentile(IdleQueries, p);

    public double Busy(double p) => Percentile(BusyQueries, p);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Rounds} rounds of {Claims:N0} claims each way; {IdleQueries.Count:N0} idle and {BusyQueries.Count:N0} busy queries, one at a time from a separate client connection.");

    /// <summary>The middle round, or the mean of the two middle rounds (NaN for none).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The nearest-rank percentile (NaN for no values).</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
