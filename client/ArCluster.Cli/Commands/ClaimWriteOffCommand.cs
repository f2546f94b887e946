using System.ComponentModel;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Writes off everything a party still owes on the claim, or on one line.</summary>
public sealed class ClaimWriteOffCommand : AsyncCommand<ClaimWriteOffCommand.Settings>
{
    public sealed class Settings : ClaimPostingSettings
    {
        [CommandOption("--party <PARTY>", isRequired: true)]
        [Description("Whose balance: primary, secondary or patient.")]
        public required string Party { get; init; }

        [CommandOption("--group <GROUP>", isRequired: true)]
        [Description("CAS group: CO, PR, OA or PI.")]
        public required string Group { get; init; }

        [CommandOption("--reason <CARC>", isRequired: true)]
        [Description("Claim adjustment reason code, e.g. 29 (timely filing).")]
        public required string Reason { get; init; }

        [CommandOption("--line <LINE>")]
        [Description("Write off only this service line.")]
        public string? Line { get; init; }

        protected override IEnumerable<string?> Problems() =>
            [.. base.Problems(), OptionValues.CheckName<Party>("--party", Party), OptionValues.CheckLine("--line", Line)];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var writeOff = new WriteOffBalance(
            settings.PostingId,
            OptionValues.Name<Party>(settings.Party),
            settings.Group,
            settings.Reason,
            OptionValues.OptionalLine(settings.Line),
            OptionValues.Date(settings.Date),
            settings.Memo);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteReceipt(await client.Claims.WriteOffAsync(settings.PracticeId, settings.ClaimId, writeOff), settings.Json);

        return 0;
    }
}
