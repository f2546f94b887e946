using System.Collections.Immutable;
using ArCluster.Abstractions.Deposits;

namespace ArCluster.Client;

/// <summary>
/// What became of one bank deposit file: the file's own errors when it was rejected as a whole
/// (nothing of it recorded), else a receipt per deposit in file order.
/// </summary>
public sealed record DepositFileReport(string File, string Format, ImmutableArray<string> FileErrors, ImmutableArray<DepositReceipt> Deposits)
{
    public bool Rejected => !FileErrors.IsEmpty;

    /// <summary>The file, or any deposit in it, was refused: a person must look.</summary>
    public bool NeedsAttention => Rejected || Deposits.Any(d => d.Outcome == DepositOutcome.Rejected);

    public decimal Recorded => Deposits.Where(d => d.Outcome == DepositOutcome.Recorded).Sum(d => d.Amount);
}
