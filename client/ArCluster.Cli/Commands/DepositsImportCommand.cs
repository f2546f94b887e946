using System.ComponentModel;
using ArCluster.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Records bank deposits from BAI2 or CSV files (or folders): each deposit once; exit 1 if a file or deposit was refused.</summary>
public sealed class DepositsImportCommand : AsyncCommand<DepositsImportCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<PATHS>")]
        [Description("BAI2 or CSV files, or folders whose files are all read.")]
        public required string[] Paths { get; init; }

        [CommandOption("--practice <PRACTICE_ID>")]
        [Description("Record every deposit for this practice (else: the CSV's practice column, or the practice that registered the bank account).")]
        public string? Practice { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = InputPaths.Expand(settings.Paths);
        await using var client = await settings.ConnectAsync(cancellationToken);
        var reports = new List<DepositFileReport>();
        foreach (var file in files)
        {
            reports.Add(await client.Deposits.ImportFileAsync(file, settings.Practice, cancellationToken));
            if (!settings.Json && !Console.IsOutputRedirected)
            {
                Output.Errors.MarkupLineInterpolated($"[grey]{Path.GetFileName(file)}: read[/]");
            }
        }

        ReconOutput.WriteDeposits(reports, settings.Json);
        return reports.Any(r => r.NeedsAttention) ? 1 : 0;
    }
}
