using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Shows a claim: lines with balances by party, totals, status, and its history of postings and entries.</summary>
public sealed class ClaimShowCommand : AsyncCommand<ClaimSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ClaimSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteClaim(await client.Claims.GetAsync(settings.PracticeId, settings.ClaimId), settings.Json);

        return 0;
    }
}
