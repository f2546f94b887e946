using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>
/// A manual posting to a claim: its posting id (the idempotency key — resend the same command with
/// the same id after a failure or time-out, and it posts once), its effective date and a memo.
/// </summary>
public abstract class ClaimPostingSettings : ClaimSettings
{
    [CommandOption("--posting-id <ID>", isRequired: true)]
    [Description("Your id for this posting (letters, digits, '-', '_', '.'). Resending it returns the original receipt.")]
    public required string PostingId { get; init; }

    [CommandOption("--date <DATE>", isRequired: true)]
    [Description("Effective date, yyyy-MM-dd.")]
    public required string Date { get; init; }

    [CommandOption("--memo <TEXT>")]
    [Description("A note kept with the posting.")]
    public string? Memo { get; init; }

    public sealed override ValidationResult Validate() => OptionValues.Validate(Problems());

    /// <summary>What is wrong with the values typed, one message per option (null when it is fine).</summary>
    protected virtual IEnumerable<string?> Problems() => [OptionValues.CheckDate("--date", Date)];
}
