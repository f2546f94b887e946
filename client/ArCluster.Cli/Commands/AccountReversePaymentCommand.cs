using System.ComponentModel;
using ArCluster.Abstractions.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Takes back a patient payment (a returned check) from every claim it was applied to, and from the credit.</summary>
public sealed class AccountReversePaymentCommand : AsyncCommand<AccountReversePaymentCommand.Settings>
{
    public sealed class Settings : AccountSettings
    {
        [CommandArgument(2, "<PAYMENT_ID>")]
        [Description("The payment to take back.")]
        public required string PaymentId { get; init; }

        [CommandOption("--reversal-id <ID>", isRequired: true)]
        [Description("Your id for this reversal. Resending it returns the original result.")]
        public required string ReversalId { get; init; }

        [CommandOption("--date <DATE>", isRequired: true)]
        [Description("Effective date, yyyy-MM-dd.")]
        public required string Date { get; init; }

        [CommandOption("--memo <TEXT>")]
        [Description("Why, e.g. returned check NSF.")]
        public string? Memo { get; init; }

        public override ValidationResult Validate() => OptionValues.Validate([OptionValues.CheckDate("--date", Date)]);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var reversal = new ReversePatientPayment(settings.ReversalId, settings.PaymentId, OptionValues.Date(settings.Date), settings.Memo);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WritePatientPayment(await client.Accounts.ReversePaymentAsync(settings.PracticeId, settings.AccountId, reversal), settings.Json);

        return 0;
    }
}
