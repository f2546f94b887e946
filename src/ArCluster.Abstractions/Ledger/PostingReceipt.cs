namespace ArCluster.Abstractions.Ledger;

/// <summary>
/// The result of a posting: the posting itself and the claim's balances right after it. Sending
/// the same posting id again returns this same receipt.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.PostingReceipt")]
public sealed record PostingReceipt(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string ClaimId,
    [property: Id(2)] PostingView Posting,
    [property: Id(3)] BalanceView BalanceAfter,
    [property: Id(4)] string StatusAfter);
