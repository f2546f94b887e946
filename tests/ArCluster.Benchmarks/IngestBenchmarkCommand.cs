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
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(settings.Connection);
        var version = await database.ScalarTextAsync("SELECT 'PostgreSQL ' || current_setting('server_version') || ', synchronous_commit=' || current_setting('synchronous_commit')");
        AnsiConsole.MarkupLineInterpolated($"[grey]{MachineInfo.Describe(version)}[/]");
        await using var silo = await InProcessSilo.StartAsync(database.ConnectionString, new Persistence.Journal.LedgerJournalOptions().Writers);
        var workload = new EraWorkload(Practice, SampleLedger.Commercial, settings.Claims, settings.ClaimsPerTransaction);

        AnsiConsole.MarkupLineInterpolated($"[grey]Entering {settings.Claims:N0} claims...[/]");
        await SeedAsync(silo.Grains, workload);
        var file = Path.Combine(Path.GetTempPath(), $"arcluster-bench-{Guid.NewGuid():N}.835");
        await using (var writer = new StreamWriter(file))
        {
            workload.WriteEra(writer, "EFT");
        }

        var ceiling = await PostgresCeilings.SingleRowCommitsPerSecondAsync(database.ConnectionString, 16, TimeSpan.FromSeconds(10));
        await using var client = await ArClusterClient.ConnectAsync(new ArClusterClientOptions
        {
            ConnectionString = database.ConnectionString,
            ClusterId = silo.ClusterId,
            ServiceId = silo.ClusterId,
            User = "bench",
        }, cancellationToken);

        AnsiConsole.MarkupLineInterpolated($"[grey]Ingesting {new FileInfo(file).Length / 1e6:0.0} MB...[/]");
        var clock = Stopwatch.StartNew();
        var cpuBefore = CpuSample.Take();
        var report = await client.Remittances.IngestFileAsync(file, Practice, null, cancellationToken);
        var elapsed = clock.Elapsed;
        var cpu = CpuSample.Take().Since(cpuBefore);
        var again = await client.Remittances.IngestFileAsync(file, Practice, null, cancellationToken);
        File.Delete(file);

        var posted = report.Transactions.Sum(t => t.ClaimsPosted);
        var claimsPerSecond = posted / elapsed.TotalSeconds;
        var table = new Table().AddColumns("Figure", "Value", "× ceiling (a)");
        table.AddRow("(a) PostgreSQL single-row insert + commit, 16 connections, per second", Rate(ceiling), "1.00");
        table.AddRow("835 ingestion end to end, claims per second (parse, validate, post, durable)", Rate(claimsPerSecond), (claimsPerSecond / ceiling).ToString("0.00", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{posted:N0} of {settings.Claims:N0} claims posted ({report.Transactions.Length} transactions, paid {report.Transactions.Sum(t => t.Paid):N2}) in {elapsed.TotalSeconds:0.0} s; " +
            $"CPU: silo+client {cpu.Process.TotalSeconds:0.0} s, PostgreSQL {cpu.Postgres.TotalSeconds:0.0} s of {elapsed.TotalSeconds * Environment.ProcessorCount:0.0} s. " +
            $"Second ingestion of the same file: {again.Transactions.Count(t => t.Outcome == RemittanceOutcome.AlreadyPosted)} of {again.Transactions.Length} transactions already posted."));
        return posted == settings.Claims ? 0 : 1;
    }

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
}
