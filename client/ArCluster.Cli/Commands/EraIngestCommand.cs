using System.ComponentModel;
using ArCluster.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>
/// Posts 835 files (or every file in the folders given): each transaction that passes its envelope,
/// parse and balancing checks posts exactly once; the rest are reported with their reasons.
/// </summary>
public sealed class EraIngestCommand : AsyncCommand<EraIngestCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<PATHS>")]
        [Description("835 files, or folders whose files are all read.")]
        public required string[] Paths { get; init; }

        [CommandOption("--practice <PRACTICE_ID>")]
        [Description("Refuse any transaction whose payee is not this practice (a guard against a file sent to the wrong client).")]
        public string? Practice { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = InputPaths.Expand(settings.Paths);
        await using var client = await settings.ConnectAsync(cancellationToken);
        var reports = new List<RemittanceFileReport>();
        if (settings.Json || Console.IsOutputRedirected)
        {
            foreach (var file in files)
            {
                reports.Add(await client.Remittances.IngestFileAsync(file, settings.Practice, null, cancellationToken));
            }
        }
        else
        {
            await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
            {
                foreach (var file in files)
                {
                    var bar = progress.AddTask(Path.GetFileName(file).EscapeMarkup(), maxValue: Math.Max(1, new FileInfo(file).Length));
                    reports.Add(await client.Remittances.IngestFileAsync(file, settings.Practice, new Progress<long>(read => bar.Value = read), cancellationToken));
                    bar.Value = bar.MaxValue;
                }
            });
        }

        EraOutput.WriteReports(reports, settings.Json);
        return reports.Any(r => r.NeedsAttention) ? 1 : 0;
    }
}
