using System.Collections.Immutable;

namespace ArCluster.BankFiles;

/// <summary>The layout a deposit file was read as.</summary>
public enum DepositFileFormat
{
    /// <summary>BAI2 (BAI Cash Management Balance Reporting Specifications, version 2), as banks send it.</summary>
    Bai2,

    /// <summary>The house CSV: a header row naming date, amount, method, reference and practice or account.</summary>
    Csv,
}

/// <summary>
/// The verdict on one deposit file: <see cref="AcceptedDepositFile"/> (use its deposits) or
/// <see cref="RejectedDepositFile"/> (use nothing from it; show the reasons).
/// </summary>
/// <param name="Path">The path (or name) the file was read from, for messages and audit.</param>
/// <param name="Format">The layout it was read as.</param>
public abstract record DepositFileResult(string Path, DepositFileFormat Format)
{
    /// <summary>True for an <see cref="AcceptedDepositFile"/>.</summary>
    public abstract bool IsAccepted { get; }
}

/// <summary>A file that passed every check; <see cref="Deposits"/> are in file order.</summary>
public sealed record AcceptedDepositFile(string Path, DepositFileFormat Format, ImmutableArray<BankDeposit> Deposits)
    : DepositFileResult(Path, Format)
{
    public override bool IsAccepted => true;

    /// <summary>The sum of the deposits' amounts (credits only; a BAI2 file's debits are not deposits).</summary>
    public decimal Total => Deposits.Sum(d => d.Amount);
}

/// <summary>
/// A file that failed at least one check. Nothing from it is usable — a bank file that does not add up
/// may be truncated or altered, and a CSV with one bad row may be misaligned — so it carries no
/// deposits, only every problem found, in line order.
/// </summary>
public sealed record RejectedDepositFile(string Path, DepositFileFormat Format, ImmutableArray<DepositFileError> Errors)
    : DepositFileResult(Path, Format)
{
    public override bool IsAccepted => false;

    /// <summary>The problems, one per line.</summary>
    public string Describe() => string.Join(Environment.NewLine, Errors);
}
