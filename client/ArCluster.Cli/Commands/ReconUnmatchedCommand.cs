using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Reassociation: 835s without money, money without 835s, and amounts that differ.</summary>
public sealed class ReconUnmatchedCommand : AsyncCommand<ReconUnmatchedCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "[PRACTICE_ID]")]
        [Description("The practice; without one, every practice.")]
        public string? Practice { get; init; }

        [CommandOption("--all")]
        [Description("List matched traces too.")]
        public bool All { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        var view = await client.Reconciliation.ReassociationAsync(settings.Practice, unmatchedOnly: !settings.All);
        ReconOutput.WriteReassociation(view, settings.Json);
        return 0;
    }
}
