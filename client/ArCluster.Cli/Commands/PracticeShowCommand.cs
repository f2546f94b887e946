using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

public sealed class PracticeShowCommand : AsyncCommand<PracticeShowCommand.Settings>
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
        var practice = await client.Practices.GetAsync(settings.PracticeId);
        Output.WritePractice(practice, settings.Json);

        return 0;
    }
}
