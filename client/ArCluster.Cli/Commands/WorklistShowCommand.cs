using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>One worklist item with every action taken on it.</summary>
public sealed class WorklistShowCommand : AsyncCommand<WorklistItemSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, WorklistItemSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        WorklistOutput.WriteItem(await client.Worklists.GetItemAsync(settings.PracticeId, settings.ItemKey), settings.Json);
        return 0;
    }
}
