using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Worklists;

/// <summary>What a biller may do with a worklist item, and with what.</summary>
public static class WorklistActionRules
{
    private const string PostingPrefix = "worklist-";

    /// <summary>Long enough for a GUID; short enough that the derived claim posting id stays a valid posting id.</summary>
    public const int ActionIdMaxLength = PostingId.MaxLength - 9;

    /// <summary>
    /// The claim posting an action makes. Derived from the action id, so a retried action finds its
    /// posting already made instead of making it twice. Ids with a colon are reserved for postings the
    /// system derives inside a claim; the claim's public operations take caller-style ids, hence the dash.
    /// </summary>
    public static string PostingIdFor(string actionId) => PostingPrefix + actionId;

    public static bool TryParseActionId(string? raw, out string actionId, out string error)
    {
        actionId = raw?.Trim() ?? string.Empty;
        if (actionId.Length > ActionIdMaxLength || !PostingId.TryParse(actionId, out _, out error))
        {
            error = $"'{raw}' is not an action id: use 1 to {ActionIdMaxLength} letters, digits, '-', '_' or '.', starting with a letter or digit (a GUID will do)";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Why the item cannot take the action in its current state, or null if it can. Only notes may be
    /// added to a closed item: whoever closed it decided, and reopening it is its source's business.
    /// </summary>
    public static string? RefusalForState(WorklistItemFacts item, WorklistAction action)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State == WorklistItemState.Open || action == WorklistAction.Note
            ? null
            : $"Worklist item '{item.Key}' is {Describe(item.State)}; only a note can be added to a closed item.";
    }

    /// <summary>Checks the action against the item and today's date; every broken rule is reported at once.</summary>
    public static WorklistDecision Decide(WorklistItemFacts item, WorklistActionInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(input);
        var violations = new Violations();
        var note = Text(input.Note);
        var assignee = Text(input.Assignee);
        DateOnly? deadline = null;
        AdjustmentGroup? group = null;
        AdjustmentReason? reason = null;
        switch (input.Action)
        {
            case WorklistAction.Note when note is null:
                violations.Add("note", "a note needs its text");
                break;
            case WorklistAction.Assign when assignee is null:
                violations.Add("assignee", "name the user to assign the item to");
                break;
            case WorklistAction.Appeal:
                deadline = AppealDeadline(violations, item, input.AppealDeadline, today);
                break;
            case WorklistAction.MarkForCorrection:
                RequireClaim(violations, item, "a corrected claim");
                break;
            case WorklistAction.WriteOff:
                RequireClaim(violations, item, "a write-off");
                group = WriteOffGroup(violations, input.WriteOffGroup);
                reason = input.WriteOffReason is null
                    ? Missing<AdjustmentReason>(violations, "writeOffReason", "a write-off needs its reason code (CARC), e.g. 45 or B7")
                    : violations.Check<AdjustmentReason>("writeOffReason", input.WriteOffReason, AdjustmentReason.TryParse);
                break;
            case WorklistAction.Resolve when note is null:
                violations.Add("note", "say why the item is resolved (an underpayment accepted, say)");
                break;
            case WorklistAction.Note or WorklistAction.Assign or WorklistAction.Resolve:
                break;
            default:
                violations.Add("action", $"'{input.Action}' is not a worklist action");
                break;
        }

        violations.ThrowIfAny($"{input.Action} on worklist item '{item.Key}'");
        return new WorklistDecision(input.Action, note, assignee, deadline, group, reason);
    }

    private static DateOnly? AppealDeadline(Violations violations, WorklistItemFacts item, DateOnly? asked, DateOnly today)
    {
        if (item.Kind is not (WorklistKind.Denial or WorklistKind.Underpayment))
        {
            violations.Add("action", $"only a denial or an underpayment can be appealed; item '{item.Key}' is {item.Kind}");
            return null;
        }

        // The payer's window is the item's deadline; a deadline typed in cannot reopen a window already shut.
        if (item.Deadline is { } window && today > window)
        {
            violations.Add("appealDeadline", $"the appeal window closed on {window:yyyy-MM-dd} (today is {today:yyyy-MM-dd})");
            return null;
        }

        var deadline = asked ?? item.Deadline;
        if (deadline is null)
        {
            violations.Add("appealDeadline", "the item has no deadline: give the appeal's deadline");
        }
        else if (today > deadline)
        {
            violations.Add("appealDeadline", $"the appeal deadline {deadline:yyyy-MM-dd} has passed (today is {today:yyyy-MM-dd})");
        }

        return deadline;
    }

    private static AdjustmentGroup WriteOffGroup(Violations violations, string? raw)
    {
        var text = Text(raw);
        if (text is null)
        {
            return AdjustmentGroup.CO;
        }

        if (Enum.TryParse<AdjustmentGroup>(text, ignoreCase: true, out var group) && Enum.IsDefined(group) && !int.TryParse(text, out _))
        {
            return group;
        }

        violations.Add("writeOffGroup", $"'{raw}' is not an adjustment group: use CO, PR, OA or PI");
        return AdjustmentGroup.CO;
    }

    private static void RequireClaim(Violations violations, WorklistItemFacts item, string what)
    {
        if (item.ClaimId is null)
        {
            violations.Add("action", $"{what} needs a claim; item '{item.Key}' is not about one");
        }
    }

    private static T? Missing<T>(Violations violations, string field, string message)
        where T : struct
    {
        violations.Add(field, message);
        return null;
    }

    private static string? Text(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    private static string Describe(WorklistItemState state) => state switch
    {
        WorklistItemState.Appealed => "already appealed",
        WorklistItemState.Corrected => "already marked for correction",
        WorklistItemState.WrittenOff => "already written off",
        WorklistItemState.Resolved => "already resolved",
        WorklistItemState.Cleared => "cleared (its source no longer needs it)",
        WorklistItemState.Superseded => "superseded (it was out of date when raised)",
        _ => state.ToString(),
    };
}
