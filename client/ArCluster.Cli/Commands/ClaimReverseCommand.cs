using System.ComponentModel;
using ArCluster.Abstractions.Claims;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Reverses an earlier posting (all its entries) or one entry of the claim; history keeps both.</summary>
public sealed class ClaimReverseCommand : AsyncCommand<ClaimReverseCommand.Settings>
{
    public sealed class Settings : ClaimPostingSettings
    {
        [CommandArgument(2, "<TARGET>")]
        [Description("The posting id (e.g. EOB-87726-0001) or entry id (e.g. EOB-87726-0001/2) to reverse; see claim show.")]
        public required string Target { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var reversal = new ReversePosting(settings.PostingId, settings.Target, OptionValues.Date(settings.Date), settings.Memo);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteReceipt(await client.Claims.ReverseAsync(settings.PracticeId, settings.ClaimId, reversal), settings.Json);

        return 0;
    }
}
