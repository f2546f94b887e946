using System.ComponentModel;
using ArCluster.Client;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Posts the claim payments of a remittance that were left unapplied, once their claims are entered.</summary>
public sealed class EraPostUnappliedCommand : AsyncCommand<EraPostUnappliedCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<PRACTICE_ID>")]
        public required string PracticeId { get; init; }

        [CommandArgument(1, "<PAYER_ID>")]
        [Description("The payer id of the remittance (as its report shows it).")]
        public required string PayerId { get; init; }

        [CommandArgument(2, "<TRACE>")]
        [Description("The check or EFT trace number (TRN02).")]
        public required string Trace { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        var report = await client.Remittances.PostUnappliedAsync(settings.PracticeId, settings.PayerId, settings.Trace);
        EraOutput.WriteReports([new RemittanceFileReport($"{settings.PayerId}/{settings.Trace}", 0, [report])], settings.Json);
        return report.Unapplied.IsEmpty ? 0 : 1;
    }
}
