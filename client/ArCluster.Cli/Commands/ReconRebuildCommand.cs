using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Drops a practice's reconciliation totals and counts them again from the journal, then verifies them.</summary>
public sealed class ReconRebuildCommand : AsyncCommand<ReconRebuildCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<PRACTICE_ID>")]
        public required string Practice { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        var report = await client.Reconciliation.RebuildAsync(settings.Practice);
        ReconOutput.WriteVerification([report], settings.Json);
        return report.Clean ? 0 : 1;
    }
}
