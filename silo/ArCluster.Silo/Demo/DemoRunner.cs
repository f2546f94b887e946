using ArCluster.Abstractions.Deposits;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Simulation;
using Spectre.Console;

namespace ArCluster.Silo.Demo;

/// <summary>
/// The whole cycle on simulated data, through the same client library every front end uses:
/// practices and their contracts, patients, claims, the payers' 835s, the bank's BAI2 reports, then
/// live reconciliation, reassociation and the revenue-cycle figures — beside what the simulator says
/// a correct system must show.
/// </summary>
internal static class DemoRunner
{
    private const int InFlight = 64;

    public static async Task<DemoResult> RunAsync(DemoSettings settings, ArClusterClientOptions connection, CancellationToken cancellationToken)
    {
        var simulation = new Simulation.Simulation(new SimulationOptions { Seed = settings.Seed, Practices = settings.Practices, Days = settings.Days });
        var options = simulation.Options;
        var folder = Path.Combine(settings.Folder, $"seed-{settings.Seed}-{settings.Practices}x{settings.Days}");
        AnsiConsole.Write(new Rule($"[bold]ArCluster demo[/]: {settings.Practices} practices, {settings.Days} days of visits from {options.Start:yyyy-MM-dd}, seed {settings.Seed}").LeftJustified());

        await using var client = await ArClusterClient.ConnectAsync(connection with { User = "demo" }, cancellationToken);
        SimulationFiles files = null!;
        var remittances = new List<RemittanceFileReport>();
        var deposits = new List<DepositFileReport>();
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var generate = progress.AddTask($"Simulate visits, payers and the bank ({simulation.ClaimCount:N0} claims)", maxValue: options.Days);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                files = await Task.Run(
                    () => simulation.WriteFiles(folder, new Progress<SimulationProgress>(p => generate.Value = Math.Min(options.Days, p.Day.DayNumber - options.Start.DayNumber)), cancellationToken),
                    cancellationToken);
                generate.Value = generate.MaxValue;

                var practices = progress.AddTask("Register practices and payer fee schedules", maxValue: simulation.Practices.Count);
                var accounts = progress.AddTask("Open patient accounts", maxValue: simulation.Practices.Sum(p => p.Accounts));
                var claims = progress.AddTask("Enter claims", maxValue: simulation.ClaimCount);
                var eras = progress.AddTask($"Post {files.Remittances.Length} 835 files", maxValue: files.Remittances.Sum(f => new FileInfo(f).Length));
                var bank = progress.AddTask($"Import {files.BankReports.Length} BAI2 bank reports", maxValue: files.BankReports.Length);
                var reconcile = progress.AddTask("Verify live totals against the journal", maxValue: simulation.Practices.Count);

                foreach (var practice in simulation.Practices)
                {
                    await client.Practices.RegisterAsync(practice.Registration);
                    foreach (var schedule in practice.FeeSchedules)
                    {
                        await client.Practices.SetFeeScheduleAsync(practice.PracticeId, schedule);
                    }

                    practices.Increment(1);
                }

                foreach (var practice in simulation.Practices)
                {
                    await Parallel.ForEachAsync(simulation.Accounts(practice), InFlightOptions(cancellationToken), async (account, _) =>
                    {
                        await client.Accounts.OpenAsync(account);
                        accounts.Increment(1);
                    });
                }

                foreach (var practice in simulation.Practices)
                {
                    await Parallel.ForEachAsync(simulation.Claims(practice), InFlightOptions(cancellationToken), async (claim, _) =>
                    {
                        await client.Claims.CreateAsync(claim);
                        claims.Increment(1);
                    });
                }

                // Name order is payment-date order: a reversal finds the payment it cancels posted.
                foreach (var file in files.Remittances.Order(StringComparer.Ordinal))
                {
                    var before = eras.Value;
                    remittances.Add(await client.Remittances.IngestFileAsync(file, null, new Progress<long>(read => eras.Value = before + read), cancellationToken));
                    eras.Value = before + new FileInfo(file).Length;
                }

                foreach (var report in files.BankReports.Order(StringComparer.Ordinal))
                {
                    deposits.Add(await client.Deposits.ImportFileAsync(report, null, cancellationToken));
                    bank.Increment(1);
                }

                foreach (var practice in simulation.Practices)
                {
                    var verified = await client.Reconciliation.VerifyAsync(practice.PracticeId);
                    if (!verified.Clean)
                    {
                        throw new InvalidOperationException($"Reconciliation of {practice.PracticeId} differs from the journal on {verified.Mismatches.Length} lines.");
                    }

                    reconcile.Increment(1);
                }
            });

        return new DemoResult(simulation, files, remittances, deposits);
    }

    private static ParallelOptions InFlightOptions(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken };
}

/// <summary>What the demo posted, for the summary.</summary>
internal sealed record DemoResult(
    Simulation.Simulation Simulation,
    SimulationFiles Files,
    IReadOnlyList<RemittanceFileReport> Remittances,
    IReadOnlyList<DepositFileReport> Deposits)
{
    public IEnumerable<RemittanceReport> Transactions => Remittances.SelectMany(r => r.Transactions);

    public IEnumerable<DepositReceipt> DepositReceipts => Deposits.SelectMany(d => d.Deposits);
}
