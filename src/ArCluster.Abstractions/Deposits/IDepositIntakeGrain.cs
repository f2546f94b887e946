using System.Collections.Immutable;

namespace ArCluster.Abstractions.Deposits;

/// <summary>Records bank deposits in the ledger, each once however often it is reported (a stateless worker).</summary>
[Alias("arcluster.IDepositIntakeGrain")]
public interface IDepositIntakeGrain : IGrainWithIntegerKey
{
    [Alias("Record")]
    Task<ImmutableArray<DepositReceipt>> Record(ImmutableArray<DepositSubmission> deposits, string user);
}
