using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Testing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Benchmarks;

/// <summary>
/// Issue 4's end-to-end figure: an 835 file read, validated and posted through a real client
/// (gateway connection) into durable PostgreSQL, in claims per second — beside PostgreSQL's
/// single-row commit ceiling measured on the same database in the same run.
/// </summary>
public sealed class IngestBenchmarkCommand : AsyncCommand<IngestBenchmarkCommand.Settings>
{
    private const string Practice = "riverside";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--connection <CONNECTION_STRING>")]
        [Description("A PostgreSQL server to create the benchmark database on. Default: a throwaway local server.")]
        public string? Connection { get; init; }

        [CommandOption("--claims <COUNT>")]
        [DefaultValue(20000)]
        public int Claims { get; init; } = 20000;

        [CommandOption("--claims-per-transaction <COUNT>")]
        [DefaultValue(1000)]
        public int ClaimsPerTransaction { get; init; } = 1000;

        [CommandOption("--two-silos")]
        [Description("Also ingest into two silos of one cluster (same database, both gateways) and report the ratio to one silo.")]
        public bool TwoSilos { get; init; }

        [CommandOption("--compare-follow-up")]
        [Description("Also ingest into a silo with claim follow-up (reminders, worklists) off and report the ratio.")]
        public bool CompareFollowUp { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var server = await BenchServer.StartAsync(settings.Connection);
        AnsiConsole.MarkupLineInterpolated($"[grey]{MachineInfo.Describe(await server.DescribeAsync())}[/]");
        var one = await RunAsync(server, settings.Claims, settings.ClaimsPerTransaction, silos: 1, measureCeiling: true, Progress, cancellationToken);
        var two = settings.TwoSilos
            ? await RunAsync(server, settings.Claims, settings.ClaimsPerTransaction, silos: 2, measureCeiling: false, Progress, cancellationToken)
            : null;
        var withoutFollowUp = settings.CompareFollowUp
            ? await RunAsync(server, settings.Claims, settings.ClaimsPerTransaction, silos: 1, measureCeiling: false, Progress, cancellationToken, followUp: false)
            : null;

        var ceiling = one.Ceiling!.Value;
        var table = new Table().AddColumns("Figure", "Value", "Ratio");
        table.AddRow("(a) PostgreSQL single-row insert + commit, 16 connections, per second", Rate(ceiling), "1.00");
        table.AddRow("835 ingestion end to end, claims per second (parse, validate, post, durable)", Rate(one.ClaimsPerSecond), $"{Ratio(one.ClaimsPerSecond / ceiling)} × ceiling (a)");
        if (two is not null)
        {
            table.AddRow("835 ingestion end to end, 2 silos of one cluster, claims per second", Rate(two.ClaimsPerSecond), $"{Ratio(two.ClaimsPerSecond / one.ClaimsPerSecond)} × 1 silo");
        }

        if (withoutFollowUp is not null)
        {
            table.AddRow("835 ingestion end to end, claim follow-up off, claims per second", Rate(withoutFollowUp.ClaimsPerSecond), $"follow-up on: {Ratio(one.ClaimsPerSecond / withoutFollowUp.ClaimsPerSecond)} × off");
        }

        AnsiConsole.Write(table);
        foreach (var run in new[] { one, two }.OfType<IngestRun>())
        {
            AnsiConsole.WriteLine(run.Describe());
        }

        if (two is not null)
        {
            AnsiConsole.WriteLine(TwoSilosNote);
        }

        return one.Complete && two?.Complete != false ? 0 : 1;
    }

    /// <summary>Why two silos on this machine are not expected to go faster, printed beside the ratio.</summary>
    internal static string TwoSilosNote =>
        $"Both silos run in this one process (two Orleans hosts, one cluster id, one database, each with its own gateway; the client finds both in PostgreSQL membership and spreads grains over them). " +
        $"On {Environment.ProcessorCount} cores no scaling is expected: ingestion is CPU-bound and PostgreSQL shares the same cores, so a second silo adds only cross-silo calls; the ratio shows that cost, not the cluster's capacity on separate machines.";

    /// <summary>
    /// One end-to-end ingestion on a fresh database of <paramref name="server"/>: <paramref name="silos"/>
    /// silos of one cluster, <paramref name="claims"/> claims entered first, then the 835 paying them
    /// read and posted by a client through the gateways, and ingested a second time (nothing may post twice).
    /// </summary>
    internal static async Task<IngestRun> RunAsync(
        BenchServer server, int claims, int claimsPerTransaction, int silos, bool measureCeiling, Action<string> progress, CancellationToken cancellationToken, bool followUp = true)
    {
        await using var database = await server.CreateDatabaseAsync();

        // Each silo has its own journal pool, and the Orleans providers share one: capped so that two
        // silos entering claims at full speed stay under the local server's max_connections (300).
        // The timed ingestion needs far fewer; one silo gets the same caps so the runs compare.
        var connection = database.WithPool(75);
        var cluster = new List<InProcessSilo> { await InProcessSilo.StartAsync(connection, new Persistence.Journal.LedgerJournalOptions().Writers, followUp: followUp) };
        try
        {
            while (cluster.Count < silos)
            {
                cluster.Add(await cluster[0].StartAnotherAsync());
            }

            var workload = new EraWorkload(Practice, SampleLedger.Commercial, claims, claimsPerTransaction);
            progress($"Entering {claims:N0} claims ({silos} silo{(silos == 1 ? "" : "s")})...");
            await SeedAsync(cluster[0].Grains, workload);
            var file = Path.Combine(Path.GetTempPath(), $"arcluster-bench-{Guid.NewGuid():N}.835");
            await using (var writer = new StreamWriter(file))
            {
                workload.WriteEra(writer, "EFT");
            }

            double? ceiling = measureCeiling ? await PostgresCeilings.SingleRowCommitsPerSecondAsync(database.ConnectionString, 16, TimeSpan.FromSeconds(10)) : null;
            await using var client = await ArClusterClient.ConnectAsync(new ArClusterClientOptions
            {
                ConnectionString = database.ConnectionString,
                ClusterId = cluster[0].ClusterId,
                ServiceId = cluster[0].ClusterId,
                User = "bench",
            }, cancellationToken);
            var members = await client.Cluster.GetActiveMembersAsync();

            progress($"Ingesting {new FileInfo(file).Length / 1e6:0.0} MB through {members.Count} gateway{(members.Count == 1 ? "" : "s")}...");
            var clock = Stopwatch.StartNew();
            var cpuBefore = CpuSample.Take();
            var report = await client.Remittances.IngestFileAsync(file, Practice, null, cancellationToken);
            var elapsed = clock.Elapsed;
            var cpu = CpuSample.Take().Since(cpuBefore);
            var again = await client.Remittances.IngestFileAsync(file, Practice, null, cancellationToken);
            File.Delete(file);

            var placement = await ActivationsPerSiloAsync(cluster, "ClaimGrain");
            return new IngestRun(
                silos,
                claims,
                report.Transactions.Sum(t => t.ClaimsPosted),
                report.Transactions.Sum(t => t.Paid),
                report.Transactions.Length,
                elapsed,
                cpu,
                again.Transactions.Count(t => t.Outcome == RemittanceOutcome.AlreadyPosted),
                members.Count,
                placement,
                ceiling);
        }
        finally
        {
            foreach (var silo in Enumerable.Reverse(cluster))
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>Activations of a grain class on each silo, in the order of <paramref name="cluster"/>, from the management grain.</summary>
    internal static async Task<int[]> ActivationsPerSiloAsync(IReadOnlyList<InProcessSilo> cluster, string grainClass)
    {
        var statistics = await cluster[0].Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return [.. cluster.Select(silo => statistics
            .Where(s => s.SiloAddress.Equals(silo.Address) && s.GrainType.Contains(grainClass, StringComparison.Ordinal))
            .Sum(s => s.ActivationCount))];
    }

    private static void Progress(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");

    internal static async Task SeedAsync(IGrainFactory grains, EraWorkload workload, string practice = Practice)
    {
        await grains.GetGrain<IPracticeGrain>(practice).Register(SamplePractices.Family(practice));
        var accounts = Enumerable.Range(0, workload.Claims).Select(EraWorkload.AccountId).Distinct().ToArray();
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = 128 }, async (account, _) =>
            await grains.GetGrain<IAccountGrain>($"{practice}/{account}").Open(SampleLedger.Account(practice, account), "bench"));
        await Parallel.ForEachAsync(Enumerable.Range(0, workload.Claims), new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (n, _) =>
        {
            var claim = workload.Claim(n);
            await grains.GetGrain<IClaimGrain>($"{practice}/{claim.ClaimId}").Open(claim, "bench");
        });
    }

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>One end-to-end ingestion: what was posted, in how long, where the CPU went and where the claims lived.</summary>
internal sealed record IngestRun(
    int Silos,
    int Claims,
    long Posted,
    decimal Paid,
    int Transactions,
    TimeSpan Elapsed,
    CpuSample Cpu,
    int AlreadyPostedOnSecondIngestion,
    int Gateways,
    IReadOnlyList<int> ClaimActivationsPerSilo,
    double? Ceiling)
{
    public double ClaimsPerSecond => Posted / Elapsed.TotalSeconds;

    /// <summary>Every claim posted, and nothing posted again by the second ingestion of the same file.</summary>
    public bool Complete => Posted == Claims && AlreadyPostedOnSecondIngestion == Transactions;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Silos} silo{(Silos == 1 ? "" : "s")}: {Posted:N0} of {Claims:N0} claims posted ({Transactions} transactions, paid {Paid:N2}) in {Elapsed.TotalSeconds:0.0} s through {Gateways} gateway{(Gateways == 1 ? "" : "s")}; " +
        $"claim activations per silo {string.Join(" / ", ClaimActivationsPerSilo.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)))}; " +
        $"CPU: silo{(Silos == 1 ? "" : "s")}+client {Cpu.Process.TotalSeconds:0.0} s, PostgreSQL {Cpu.Postgres.TotalSeconds:0.0} s, other processes {Cpu.Others.TotalSeconds:0.0} s of {Elapsed.TotalSeconds * Environment.ProcessorCount:0.0} s. " +
        $"Second ingestion of the same file: {AlreadyPostedOnSecondIngestion} of {Transactions} transactions already posted.");
}
