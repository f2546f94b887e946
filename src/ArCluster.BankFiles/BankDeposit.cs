namespace ArCluster.BankFiles;

/// <summary>How the money reached the practice's bank account.</summary>
public enum DepositMethod
{
    /// <summary>An ACH credit: an 835 EFT, matched on the TRN reassociation trace (TRN02).</summary>
    Ach,

    /// <summary>A paper check deposit (teller, lockbox, remote capture), matched on the check number.</summary>
    Check,

    /// <summary>A wire or book transfer.</summary>
    Wire,

    /// <summary>Any other credit: interest, transfers between accounts, card settlements, adjustments.</summary>
    Other,
}

/// <summary>
/// One credit to a practice's bank account as the bank (BAI2) or the practice (CSV) reported it: the
/// money side of reassociation. An 835 is matched to it on <see cref="Reference"/> (its TRN02, which for
/// a check payment is the check number) and the amount (its BPR02); <see cref="PayerTaxId"/> narrows
/// the match when the bank passed the TRN on.
/// </summary>
/// <param name="BankAccount">The account credited: the BAI2 03 record's account number, or the CSV 'account' column.</param>
/// <param name="PracticeId">The practice, when the file names it (CSV 'practice' column); BAI2 files never do.</param>
/// <param name="DepositDate">The BAI2 value date (funds type V) or else the group's as-of date; the CSV 'date'.</param>
/// <param name="Amount">Dollars, exactly two decimals, always greater than zero.</param>
/// <param name="Method">How the money arrived.</param>
/// <param name="Reference">
/// What reassociation matches on: the EFT trace number (TRN02) or the check number; trimmed, never empty.
/// For a BAI2 credit without a TRN it is the customer reference number, else the bank reference number.
/// </param>
/// <param name="PayerTaxId">TRN03 ('1' and the payer's federal tax id) when the bank passed the TRN on, or the CSV 'payer' column.</param>
/// <param name="BankReference">The bank's own reference number for the credit (BAI2 16 record); null in CSV files.</param>
/// <param name="Line">The 1-based line of the file where the deposit's record starts.</param>
public sealed record BankDeposit(
    string? BankAccount,
    string? PracticeId,
    DateOnly DepositDate,
    decimal Amount,
    DepositMethod Method,
    string Reference,
    string? PayerTaxId,
    string? BankReference,
    int Line);
