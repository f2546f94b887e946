using System.ComponentModel;
using ArCluster.Abstractions.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Pays unapplied account credit back to the guarantor.</summary>
public sealed class AccountRefundCommand : AsyncCommand<AccountRefundCommand.Settings>
{
    public sealed class Settings : AccountSettings
    {
        [CommandOption("--refund-id <ID>", isRequired: true)]
        [Description("Your id for this refund, e.g. the check number. Resending it returns the original posting.")]
        public required string RefundId { get; init; }

        [CommandOption("--amount <AMOUNT>", isRequired: true)]
        [Description("Amount refunded, e.g. 15.00; at most the account's unapplied credit.")]
        public required string Amount { get; init; }

        [CommandOption("--date <DATE>", isRequired: true)]
        [Description("Effective date, yyyy-MM-dd.")]
        public required string Date { get; init; }

        [CommandOption("--memo <TEXT>")]
        [Description("A note kept with the refund.")]
        public string? Memo { get; init; }

        public override ValidationResult Validate() => OptionValues.Validate(
            [OptionValues.CheckAmount("--amount", Amount), OptionValues.CheckDate("--date", Date)]);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var refund = new RefundAccountCredit(settings.RefundId, OptionValues.Amount(settings.Amount), OptionValues.Date(settings.Date), settings.Memo);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WritePosting(await client.Accounts.RefundCreditAsync(settings.PracticeId, settings.AccountId, refund), settings.Json);

        return 0;
    }
}
