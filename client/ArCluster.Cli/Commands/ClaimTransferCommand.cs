using System.ComponentModel;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Moves a balance from one party to another, e.g. primary to secondary after adjudication.</summary>
public sealed class ClaimTransferCommand : AsyncCommand<ClaimTransferCommand.Settings>
{
    public sealed class Settings : ClaimPostingSettings
    {
        [CommandOption("--from <PARTY>", isRequired: true)]
        [Description("Who owes it now: primary, secondary or patient.")]
        public required string From { get; init; }

        [CommandOption("--to <PARTY>", isRequired: true)]
        [Description("Who owes it after: primary, secondary or patient.")]
        public required string To { get; init; }

        [CommandOption("--line <LINE>")]
        [Description("Move only this service line's balance.")]
        public string? Line { get; init; }

        [CommandOption("--amount <AMOUNT>")]
        [Description("How much (default: the whole balance of --from).")]
        public string? Amount { get; init; }

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            OptionValues.CheckName<Party>("--from", From),
            OptionValues.CheckName<Party>("--to", To),
            OptionValues.CheckLine("--line", Line),
            OptionValues.CheckAmount("--amount", Amount),
        ];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var transfer = new TransferBalance(
            settings.PostingId,
            OptionValues.Name<Party>(settings.From),
            OptionValues.Name<Party>(settings.To),
            OptionValues.OptionalLine(settings.Line),
            OptionValues.OptionalAmount(settings.Amount),
            OptionValues.Date(settings.Date),
            settings.Memo);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteReceipt(await client.Claims.TransferAsync(settings.PracticeId, settings.ClaimId, transfer), settings.Json);

        return 0;
    }
}
