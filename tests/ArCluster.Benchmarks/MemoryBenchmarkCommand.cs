using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Benchmarks;

/// <summary>
/// Memory per active claim grain, against the 8 KB target, for claims as opened and as paid by an
/// 835, with what the bytes are: each piece of the claim state measured on its own, the rest being
/// the Orleans activation.
/// </summary>
public sealed class MemoryBenchmarkCommand : AsyncCommand<MemoryBenchmarkCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--connection <CONNECTION_STRING>")]
        [Description("A PostgreSQL server to create the benchmark database on. Default: a throwaway local server.")]
        public string? Connection { get; init; }

        [CommandOption("--claims <COUNT>")]
        [Description("Claim grains active at once when the heap is read.")]
        [DefaultValue(100000)]
        public int Claims { get; init; } = 100_000;

        [CommandOption("--breakdown-claims <COUNT>")]
        [Description("Claims of each line count (1, 2, 3) whose state is taken apart piece by piece; 0 skips the breakdown.")]
        [DefaultValue(3000)]
        public int BreakdownClaims { get; init; } = 3000;

        [CommandOption("--hold-seconds <SECONDS>")]
        [Description("Wait this long while the paid claims are active, e.g. for 'dotnet-gcdump collect -p PID'.")]
        [DefaultValue(0)]
        public int HoldSeconds { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var server = await BenchServer.StartAsync(settings.Connection);
        AnsiConsole.MarkupLineInterpolated($"[grey]{MachineInfo.Describe(await server.DescribeAsync())}[/]");
        Func<Task>? hold = settings.HoldSeconds <= 0 ? null : async () =>
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Paid claims active in process {Environment.ProcessId}; waiting {settings.HoldSeconds} s (dotnet-gcdump collect -p {Environment.ProcessId}).[/]");
            await Task.Delay(TimeSpan.FromSeconds(settings.HoldSeconds), cancellationToken);
        };
        var figures = await ClaimGrainMemory.MeasureAsync(server, settings.Claims, settings.BreakdownClaims, Progress, hold, cancellationToken);

        var table = new Table().AddColumns("Figure", "Bytes per claim grain", "× 8 KB target");
        foreach (var grains in new[] { figures.Opened, figures.Paid })
        {
            table.AddRow(Label(grains), Bytes(grains.BytesPerClaim), Ratio(grains.BytesPerClaim / ClaimGrainMemory.TargetBytes));
        }

        AnsiConsole.Write(table);
        foreach (var grains in new[] { figures.Opened, figures.Paid })
        {
            AnsiConsole.WriteLine(Describe(grains));
            if (grains.Breakdown is { } breakdown)
            {
                AnsiConsole.Write(BreakdownTable(grains, breakdown));
            }
        }

        return figures.Opened.AllActive && figures.Paid.AllActive ? 0 : 1;
    }

    internal static string Label(GrainMemory grains) => grains.State == "paid"
        ? "Claims paid by an 835 (2 postings: charges, payment with CO-45 and PR-2 per line)"
        : "Claims as opened (1 posting: one charge per line)";

    internal static string Describe(GrainMemory grains) => string.Create(CultureInfo.InvariantCulture,
        $"{grains.State}: {grains.Claims:N0} claim grains (1–3 lines, 2 on average), activated in {grains.Activation.TotalSeconds:0.0} s; " +
        $"GC heap after a full compacting collection {grains.BaselineBytes / 1e6:N1} MB before, {grains.LoadedBytes / 1e6:N1} MB with them active; " +
        $"claim activations (management grain) {grains.ActivationsBefore:N0} before, {grains.ActivationsAfter:N0} after activating, {grains.ActivationsAtEnd:N0} after reading the heap{(grains.AllActive ? "." : " — NOT ALL ACTIVE, the figure is wrong.")}");

    /// <summary>Each piece of the state per line count, and what is left for Orleans: the activation, the grain object, its directory entries.</summary>
    internal static Table BreakdownTable(GrainMemory grains, ClaimStateBreakdown breakdown)
    {
        var table = new Table().AddColumns($"Bytes per {grains.State} claim", "1 line", "2 lines", "3 lines", "mix (measured)");
        void Cells(string[] cells) => table.AddRow(cells);
        void Row(string name, Func<ClaimStateSizes, double> piece) =>
            Cells([name, .. breakdown.ByLines.Select(b => Bytes(piece(b))), Bytes(piece(breakdown.Mixed))]);

        Row("ClaimDetails (ids, coverage, diagnoses, service lines)", b => b.Details);
        Row("ClaimPosting records (posting id, user, CLP07, remarks)", b => b.Postings);
        Row("Ledger entries (records, entry ids, payer ids, codes)", b => b.Entries);
        Row("Claim indexes (postings by id, entries by id, balances after, line balances, reversed set)", b => b.Aggregate);
        Row("Command fingerprints (dictionary of 32-byte hashes)", b => b.Fingerprints);
        Row("Grain key strings (practice, claim, stream)", b => b.Keys);
        Row("Claim state held by the grain", b => b.Total);
        var overhead = grains.ActivationOverhead!.Value;
        Cells(["Orleans activation + grain object (measured total − state)", .. breakdown.ByLines.Select(_ => Bytes(overhead)), Bytes(overhead)]);
        Cells(["Claim grain, total", .. breakdown.ByLines.Select(b => Bytes(b.Total + overhead) + "*"), Bytes(grains.BytesPerClaim)]);
        table.Caption("* state measured for that line count + the Orleans share measured on the mix");
        return table;
    }

    internal static string Bytes(double bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Progress(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");
}
