using System.Collections.Immutable;
using ArCluster.Abstractions.Remittances;

namespace ArCluster.Client;

/// <summary>What became of every 835 transaction in one file, in file order.</summary>
public sealed record RemittanceFileReport(string File, long Bytes, ImmutableArray<RemittanceReport> Transactions)
{
    /// <summary>Anything refused or flagged: the file needs a person's attention.</summary>
    public bool NeedsAttention => Transactions.Any(t => t.Outcome is RemittanceOutcome.Rejected or RemittanceOutcome.PossibleDuplicate);
}
