using System.ComponentModel;
using ArCluster.Abstractions.Claims;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Opens a claim with its charges from a JSON file; the account must exist. Opening the same claim again returns it.</summary>
public sealed class ClaimCreateCommand : AsyncCommand<ClaimCreateCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("JSON claim (see deploy/local/sample-claim.json).")]
        public required string File { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var claim = await Input.ReadJsonAsync<NewClaim>(settings.File, "claim", cancellationToken);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteClaim(await client.Claims.CreateAsync(claim), settings.Json);

        return 0;
    }
}
