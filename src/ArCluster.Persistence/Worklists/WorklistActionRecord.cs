using ArCluster.Domain.Worklists;

namespace ArCluster.Persistence.Worklists;

/// <summary>
/// One action on a worklist item, as recorded. <see cref="ActionId"/> is the caller's idempotency key;
/// <see cref="Deadline"/> is the appeal deadline of an appeal; <see cref="PostingId"/> the claim posting
/// the action made, if any.
/// </summary>
public sealed record WorklistActionRecord(
    string ActionId,
    string ItemKey,
    WorklistAction Action,
    string Actor,
    DateTimeOffset ActedAt,
    string? Note,
    DateOnly? Deadline,
    string? Assignee,
    string? PostingId)
{
    /// <summary>
    /// Whether <paramref name="other"/> asks for the same thing: a retry comes later (and may come
    /// from another session of the same user), so who and when are not compared.
    /// </summary>
    public bool SameActionAs(WorklistActionRecord other) =>
        ItemKey == other.ItemKey && Action == other.Action && Note == other.Note && Deadline == other.Deadline
        && Assignee == other.Assignee && PostingId == other.PostingId;
}
