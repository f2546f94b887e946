using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Open denials grouped by payer and reason: where the money is stuck.</summary>
public sealed class WorklistDenialsCommand : AsyncCommand<WorklistDenialsCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<PRACTICE_ID>")]
        [Description("The practice id, e.g. riverside.")]
        public required string PracticeId { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        WorklistOutput.WriteDenials(await client.Worklists.DenialsAsync(settings.PracticeId), settings.Json);
        return 0;
    }
}
