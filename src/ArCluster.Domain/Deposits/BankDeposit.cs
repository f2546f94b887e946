using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Deposits;

/// <summary>
/// Money that reached a practice's bank: an EFT credit under the payer's reassociation trace
/// (TRN02) or a deposited check under its number. Only <see cref="BankDepositRules"/> creates one.
/// </summary>
public sealed record BankDeposit(
    PracticeId PracticeId,
    DateOnly DepositDate,
    Money Amount,
    DepositMethod Method,
    string Reference,
    string? PayerId,
    string? BankAccount,
    string? BankReference)
{
    /// <summary>
    /// The deposit's identity: one date, trace or check number and amount is one deposit, however
    /// many bank reports (prior-day, current-day, a CSV export) list it.
    /// </summary>
    public PostingId PostingId => PostingId.Derived("deposit", DepositDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Reference, Amount.Cents.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
