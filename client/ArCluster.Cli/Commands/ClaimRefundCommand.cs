using System.ComponentModel;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Refunds part or all of a party's credit balance (an overpayment) on the claim.</summary>
public sealed class ClaimRefundCommand : AsyncCommand<ClaimRefundCommand.Settings>
{
    public sealed class Settings : ClaimPostingSettings
    {
        [CommandOption("--party <PARTY>", isRequired: true)]
        [Description("Who is owed the credit: primary, secondary or patient.")]
        public required string Party { get; init; }

        [CommandOption("--amount <AMOUNT>", isRequired: true)]
        [Description("Amount refunded, e.g. 25.00.")]
        public required string Amount { get; init; }

        [CommandOption("--line <LINE>")]
        [Description("Refund only this service line's credit.")]
        public string? Line { get; init; }

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            OptionValues.CheckName<Party>("--party", Party),
            OptionValues.CheckAmount("--amount", Amount),
            OptionValues.CheckLine("--line", Line),
        ];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var refund = new RefundClaimCredit(
            settings.PostingId,
            OptionValues.Name<Party>(settings.Party),
            OptionValues.Amount(settings.Amount),
            OptionValues.OptionalLine(settings.Line),
            OptionValues.Date(settings.Date),
            settings.Memo);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteReceipt(await client.Claims.RefundAsync(settings.PracticeId, settings.ClaimId, refund), settings.Json);

        return 0;
    }
}
