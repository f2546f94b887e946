using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>
/// Proves the live totals: every practice's (or one practice's) stored reconciliation compared with
/// the journal per day, category and payer. Exit 1 on any difference.
/// </summary>
public sealed class VerifyCommand : AsyncCommand<VerifyCommand.Settings>
{
    public sealed class Settings : RangeSettings
    {
        [CommandArgument(0, "[PRACTICE_ID]")]
        [Description("The practice; without one, every practice.")]
        public string? Practice { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        var reports = settings.Practice is null
            ? await client.Reconciliation.VerifyAllAsync(settings.FirstDay, settings.LastDay, cancellationToken)
            : [await client.Reconciliation.VerifyAsync(settings.Practice, settings.FirstDay, settings.LastDay)];
        ReconOutput.WriteVerification(reports, settings.Json);
        return reports.All(r => r.Clean) ? 0 : 1;
    }
}
