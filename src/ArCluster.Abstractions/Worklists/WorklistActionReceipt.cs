using ArCluster.Abstractions.Ledger;

namespace ArCluster.Abstractions.Worklists;

/// <summary>
/// The action as recorded and the item after it. <see cref="Replayed"/> when the action id had already
/// been recorded (nothing was done again). <see cref="Posting"/> is the claim posting made by this call.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.WorklistActionReceipt")]
public sealed record WorklistActionReceipt(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] WorklistActionView Action,
    [property: Id(2)] WorklistItemView Item,
    [property: Id(3)] bool Replayed,
    [property: Id(4)] PostingReceipt? Posting);
