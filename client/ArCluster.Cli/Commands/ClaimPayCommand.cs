using System.ComponentModel;
using ArCluster.Abstractions.Claims;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Posts a payer's payment and adjustments from a paper EOB, written as a JSON file.</summary>
public sealed class ClaimPayCommand : AsyncCommand<ClaimPayCommand.Settings>
{
    public sealed class Settings : ClaimSettings
    {
        [CommandArgument(2, "<FILE>")]
        [Description("JSON payer payment with its posting id (see deploy/local/sample-eob.json). Resending it returns the original receipt.")]
        public required string File { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var payment = await Input.ReadJsonAsync<PostPayerPayment>(settings.File, "payer payment", cancellationToken);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteReceipt(await client.Claims.PostPayerPaymentAsync(settings.PracticeId, settings.ClaimId, payment), settings.Json);

        return 0;
    }
}
