using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>A practice's (or, with no practice, the company's) reconciliation figures for a day or range.</summary>
public sealed class ReconShowCommand : AsyncCommand<ReconShowCommand.Settings>
{
    public sealed class Settings : RangeSettings
    {
        [CommandArgument(0, "[PRACTICE_ID]")]
        [Description("The practice; without one, the company roll-up over every practice.")]
        public string? Practice { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        var view = settings.Practice is null
            ? await client.Reconciliation.GetCompanyAsync(settings.FirstDay, settings.LastDay)
            : await client.Reconciliation.GetAsync(settings.Practice, settings.FirstDay, settings.LastDay);
        ReconOutput.WriteTotals(view, settings.Json);
        return 0;
    }
}
