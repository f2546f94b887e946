using System.ComponentModel;
using ArCluster.Abstractions.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>
/// Posts a patient payment. Without --claim it goes to the oldest balances first; what no claim can
/// take stays on the account as credit.
/// </summary>
public sealed class AccountPayCommand : AsyncCommand<AccountPayCommand.Settings>
{
    public sealed class Settings : AccountSettings
    {
        [CommandOption("--payment-id <ID>", isRequired: true)]
        [Description("Your id for this payment, e.g. the receipt number. Resending it returns the original payment.")]
        public required string PaymentId { get; init; }

        [CommandOption("--amount <AMOUNT>", isRequired: true)]
        [Description("Amount received, e.g. 50.00.")]
        public required string Amount { get; init; }

        [CommandOption("--date <DATE>", isRequired: true)]
        [Description("Date received, yyyy-MM-dd.")]
        public required string Date { get; init; }

        [CommandOption("--method <METHOD>", isRequired: true)]
        [Description("cash, check, card, ach or other.")]
        public required string Method { get; init; }

        [CommandOption("--reference <TEXT>")]
        [Description("Check number or card authorization.")]
        public string? Reference { get; init; }

        [CommandOption("--claim <CLAIM_ID>")]
        [Description("Apply the payment to this claim only.")]
        public string? Claim { get; init; }

        [CommandOption("--line <LINE>")]
        [Description("Apply it to this line of --claim only.")]
        public string? Line { get; init; }

        public override ValidationResult Validate() => OptionValues.Validate(
        [
            OptionValues.CheckAmount("--amount", Amount),
            OptionValues.CheckDate("--date", Date),
            OptionValues.CheckName<PatientPaymentMethod>("--method", Method),
            OptionValues.CheckLine("--line", Line),
        ]);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var payment = new ReceivePatientPayment(
            settings.PaymentId,
            OptionValues.Amount(settings.Amount),
            OptionValues.Date(settings.Date),
            OptionValues.Name<PatientPaymentMethod>(settings.Method),
            settings.Reference,
            settings.Claim,
            OptionValues.OptionalLine(settings.Line));
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WritePatientPayment(await client.Accounts.PostPaymentAsync(settings.PracticeId, settings.AccountId, payment), settings.Json);

        return 0;
    }
}
