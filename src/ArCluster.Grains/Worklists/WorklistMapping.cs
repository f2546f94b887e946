using ArCluster.Abstractions.Worklists;
using ArCluster.Domain.Worklists;
using ArCluster.Persistence.Worklists;

namespace ArCluster.Grains.Worklists;

/// <summary>Stored worklist items and actions as the wire shows them.</summary>
internal static class WorklistMapping
{
    public static WorklistItemView ToView(this StoredWorklistItem item) => new(
        item.PracticeId, item.Key, item.Scope, (WorklistItemKind)item.Kind, item.ClaimId, item.AccountId, item.PayerId,
        item.Amount.Amount, item.Reason, item.Detail, item.DueOn, item.Deadline, item.Escalated, item.RaisedAt,
        (WorklistItemStatus)item.State, item.ResolvedAt, item.ResolvedBy, item.AssignedTo, item.AppealDeadline);

    public static WorklistActionView ToView(this WorklistActionRecord action) => new(
        action.ActionId, action.ItemKey, (WorklistActionKind)action.Action, action.Actor, action.ActedAt,
        action.Note, action.Deadline, action.Assignee, action.PostingId);

    public static WorklistItemFacts ToFacts(this StoredWorklistItem item) => new(item.Key, item.Kind, item.ClaimId, item.State, item.Deadline);

    public static WorklistActionInput ToInput(this WorklistActionRequest request) => new(
        (WorklistAction)request.Action, request.Note, request.Assignee, request.AppealDeadline, request.WriteOffGroup, request.WriteOffReason);

    public static WorklistFilter ToFilter(this WorklistQuery query, int limit) => new(
        (WorklistKind?)query.Kind, Blank(query.PayerId), Blank(query.AssignedTo), query.IncludeClosed, limit);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
