using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Shows a payer's fee schedule for a practice.</summary>
public sealed class PracticeFeesShowCommand : AsyncCommand<PracticeFeesShowCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<PRACTICE_ID>")]
        [Description("The practice id, e.g. riverside.")]
        public required string PracticeId { get; init; }

        [CommandArgument(1, "<PAYER_ID>")]
        [Description("The payer id, e.g. 87726.")]
        public required string PayerId { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteFeeSchedule(await client.Practices.GetFeeScheduleAsync(settings.PracticeId, settings.PayerId), settings.Json);

        return 0;
    }
}
