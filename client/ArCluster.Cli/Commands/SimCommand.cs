using System.ComponentModel;
using System.Globalization;
using ArCluster.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>
/// Writes a simulated workload to files, any size, deterministic by seed: practices, fee schedules,
/// accounts and claims (JSON lines), 835s, BAI2 and CSV bank reports, and the expected results.
/// Needs no cluster.
/// </summary>
public sealed class SimCommand : AsyncCommand<SimCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FOLDER>")]
        [Description("An empty (or new) folder to write into.")]
        public required string Folder { get; init; }

        [CommandOption("--seed <SEED>")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--practices <COUNT>")]
        [DefaultValue(3)]
        public int Practices { get; init; } = 3;

        [CommandOption("--days <DAYS>")]
        [Description("Days of visits (business days have visits).")]
        [DefaultValue(30)]
        public int Days { get; init; } = 30;

        [CommandOption("--start <DATE>")]
        [Description("First day of visits (YYYY-MM-DD). Default 2026-03-02.")]
        public string? Start { get; init; }

        [CommandOption("--visits <PER_PROVIDER_PER_DAY>")]
        [DefaultValue(8.0)]
        public double Visits { get; init; } = 8;

        [CommandOption("--json")]
        [Description("Print the expectations as JSON instead of a table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => OptionValues.Validate([OptionValues.CheckDate("--start", Start)]);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new SimulationOptions { Seed = settings.Seed, Practices = settings.Practices, Days = settings.Days, VisitsPerProviderPerDay = settings.Visits };
        if (settings.Start is not null)
        {
            options = options with { Start = OptionValues.Date(settings.Start) };
        }

        if (options.Problems() is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                Output.Errors.MarkupLineInterpolated($"[red]Usage:[/] {problem}");
            }

            return 64;
        }

        if (Directory.Exists(settings.Folder) && Directory.EnumerateFileSystemEntries(settings.Folder).Any())
        {
            Output.Errors.MarkupLineInterpolated($"[red]Error:[/] '{settings.Folder}' is not empty: files of an earlier run would be read with the new ones. Name an empty or new folder.");
            return 1;
        }

        var simulation = new Simulation.Simulation(options);
        SimulationFiles files;
        if (settings.Json || Console.IsOutputRedirected)
        {
            files = await Task.Run(() => simulation.WriteFiles(settings.Folder, null, cancellationToken), cancellationToken);
        }
        else
        {
            files = null!;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"{simulation.ClaimCount:N0} claims over {options.Days} days", maxValue: options.Days);
                files = await Task.Run(
                    () => simulation.WriteFiles(settings.Folder, new Progress<SimulationProgress>(p => task.Value = Math.Min(options.Days, p.Day.DayNumber - options.Start.DayNumber)), cancellationToken),
                    cancellationToken);
                task.Value = task.MaxValue;
            });
        }

        if (settings.Json)
        {
            Output.WriteJson(files.Expectations);
            return 0;
        }

        var total = files.Expectations.Total;
        var table = new Table().Title($"[bold]{Markup.Escape(settings.Folder)}[/], seed {settings.Seed}").AddColumns("", "").HideHeaders();
        table.AddRow("Practices / accounts / claims", string.Create(CultureInfo.InvariantCulture, $"{files.Expectations.Practices.Length:N0} / {total.Accounts:N0} / {total.Claims:N0}"));
        table.AddRow("Charges", Output.Money(total.Charges));
        table.AddRow("835 files / transactions", string.Create(CultureInfo.InvariantCulture, $"{files.Remittances.Length:N0} / {total.RemittanceTransactions:N0} (835 totals {Output.Money(total.RemittanceTotal)})"));
        table.AddRow("Claims denied on first adjudication", string.Create(CultureInfo.InvariantCulture, $"{total.ClaimsDenied:N0} of {total.ClaimsAdjudicated:N0}"));
        table.AddRow("Bank reports / deposits", string.Create(CultureInfo.InvariantCulture, $"{files.BankReports.Length:N0} / {total.Deposits:N0} ({Output.Money(total.DepositTotal)})"));
        table.AddRow("Expected results", Markup.Escape(files.ExpectationsFile));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]The silo's --demo posts a run like this end to end; era/ and bank/ also go straight into arctl era ingest and deposits import once their claims are entered.[/]");
        return 0;
    }
}
