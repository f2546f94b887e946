using System.ComponentModel;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Posts a manual adjustment with its CAS group and reason; a negative amount is a debit adjustment.</summary>
public sealed class ClaimAdjustCommand : AsyncCommand<ClaimAdjustCommand.Settings>
{
    public sealed class Settings : ClaimPostingSettings
    {
        [CommandOption("--party <PARTY>", isRequired: true)]
        [Description("Whose balance: primary, secondary or patient.")]
        public required string Party { get; init; }

        [CommandOption("--line <LINE>")]
        [Description("Adjust this service line (default: a claim-level adjustment).")]
        public string? Line { get; init; }

        [CommandOption("--group <GROUP>", isRequired: true)]
        [Description("CAS group: CO, PR, OA or PI.")]
        public required string Group { get; init; }

        [CommandOption("--reason <CARC>", isRequired: true)]
        [Description("Claim adjustment reason code, e.g. 45.")]
        public required string Reason { get; init; }

        [CommandOption("--amount <AMOUNT>", isRequired: true)]
        [Description("Amount, e.g. 12.50; negative (--amount=-12.50) raises the balance.")]
        public required string Amount { get; init; }

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            OptionValues.CheckName<Party>("--party", Party),
            OptionValues.CheckLine("--line", Line),
            OptionValues.CheckAmount("--amount", Amount),
        ];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var adjustment = new PostAdjustment(
            settings.PostingId,
            OptionValues.Name<Party>(settings.Party),
            OptionValues.OptionalLine(settings.Line),
            settings.Group,
            settings.Reason,
            OptionValues.Amount(settings.Amount),
            OptionValues.Date(settings.Date),
            settings.Memo);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteReceipt(await client.Claims.PostAdjustmentAsync(settings.PracticeId, settings.ClaimId, adjustment), settings.Json);

        return 0;
    }
}
