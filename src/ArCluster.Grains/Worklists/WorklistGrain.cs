using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Ledger;
using ArCluster.Abstractions.Remittances;
using ArCluster.Abstractions.Worklists;
using ArCluster.Domain.Worklists;
using ArCluster.Persistence.Worklists;
using Microsoft.Extensions.Logging;

namespace ArCluster.Grains.Worklists;

/// <summary>
/// A practice's worklists. Items live in the worklist store, raised by their sources; this grain reads
/// them and takes billers' actions: it checks the action against the domain rules, makes the claim
/// change the action stands for, and only then records the action, so a failed claim call leaves no trace.
/// One activation per practice takes actions one at a time; reads run alongside.
/// </summary>
public sealed class WorklistGrain(WorklistStore store, BusinessClock clock, ILogger<WorklistGrain> logger) : Grain, IWorklistGrain
{
    private const int MaxListLimit = 5000;

    private readonly PracticeRegistrationCheck _registration = new();

    private string PracticeId => this.GetPrimaryKeyString();

    public async Task<WorklistView> List(WorklistQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureRegisteredAsync();
        var limit = query.Limit ?? WorklistFilter.DefaultLimit;
        if (limit is < 1 or > MaxListLimit)
        {
            throw new InvalidCommandException($"A worklist lists 1 to {MaxListLimit} items at a time.", [new FieldError("limit", $"must be 1 to {MaxListLimit}")]);
        }

        // One more than asked tells whether the list was cut short.
        var items = await store.ListAsync(PracticeId, query.ToFilter(limit + 1));
        return new WorklistView(PracticeId, [.. items.Take(limit).Select(i => i.ToView())], items.Count > limit);
    }

    public async Task<DenialsView> Denials()
    {
        await EnsureRegisteredAsync();
        var groups = await store.DenialsAsync(PracticeId);
        return new DenialsView(PracticeId, [.. groups.Select(g => new DenialGroupView(g.PayerId, g.Reason, g.Count, g.Amount.Amount, g.EarliestDeadline, g.Escalated))]);
    }

    public async Task<WorklistItemDetail> Item(string itemKey)
    {
        await EnsureRegisteredAsync();
        var found = await FindAsync(itemKey);
        return new WorklistItemDetail(found.Item.ToView(), [.. found.Actions.Select(a => a.ToView())]);
    }

    public async Task<WorklistSummaryView> Summary()
    {
        await EnsureRegisteredAsync();
        var counts = (await store.CountsAsync(PracticeId)).ToDictionary(c => c.Kind);
        return new WorklistSummaryView(PracticeId, [.. Enum.GetValues<WorklistKind>().Select(kind => counts.TryGetValue(kind, out var c)
            ? new WorklistKindSummary((WorklistItemKind)kind, c.Open, c.Amount.Amount, c.Escalated)
            : new WorklistKindSummary((WorklistItemKind)kind, 0, 0m, 0))]);
    }

    public async Task<WorklistActionReceipt> Act(WorklistActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnsureRegisteredAsync();
        var user = Users.Check(request.User);
        if (!WorklistActionRules.TryParseActionId(request.ActionId, out var actionId, out var error))
        {
            throw new InvalidCommandException(error, [new FieldError("actionId", error)]);
        }

        if (!Enum.IsDefined(request.Action))
        {
            throw new InvalidCommandException($"'{request.Action}' is not a worklist action.", [new FieldError("action", "use note, assign, appeal, mark-for-correction, write-off or resolve")]);
        }

        if (await store.FindActionAsync(PracticeId, actionId) is { } recorded)
        {
            return await ReplayAsync(recorded, request);
        }

        var found = await FindAsync(request.ItemKey);
        var facts = found.Item.ToFacts();
        if (WorklistActionRules.RefusalForState(facts, (WorklistAction)request.Action) is { } refusal && !await ClaimChangeMadeAsync(found.Item.ClaimId, facts.State, actionId))
        {
            throw new ConflictException(refusal);
        }

        var today = clock.Today;
        var decision = DomainRules.Run(() => WorklistActionRules.Decide(facts, request.ToInput(), today));
        PostingReceipt? posting = null;
        string? postingId = null;
        if (decision.ChangesClaim && found.Item.ClaimId is { } claimId)
        {
            var claim = GrainFactory.GetGrain<IClaimGrain>(PracticeScopedKey.Of(PracticeId, claimId));
            (postingId, posting) = await WorklistClaimChanges.ApplyAsync(claim, facts.Key, actionId, decision, today, user);
        }

        var action = new WorklistActionRecord(
            actionId, facts.Key, decision.Action, user, clock.GetUtcNow(), decision.Note, decision.AppealDeadline, decision.Assignee, postingId);
        var result = await RecordAsync(action);
        logger.LogInformation("Worklist action {Action} on item {ItemKey} of practice {Practice} by {User}", decision.Action, facts.Key, PracticeId, user);
        var after = await FindAsync(facts.Key);
        return new WorklistActionReceipt(PracticeId, result.Action.ToView(), after.Item.ToView(), result.Replayed, result.Replayed ? null : posting);
    }

    /// <summary>
    /// The claim change an action makes closes its item by itself (an appealed denial no longer
    /// applies, a written-off balance is gone) before the action is recorded. If recording failed,
    /// the retry finds the item closed by the system and the change already in the claim's history:
    /// it is recorded then, not refused.
    /// </summary>
    private async Task<bool> ClaimChangeMadeAsync(string? claimId, WorklistItemState state, string actionId)
    {
        if (claimId is null || state is not (WorklistItemState.Cleared or WorklistItemState.Superseded))
        {
            return false;
        }

        var postingId = WorklistActionRules.PostingIdFor(actionId);
        var claim = await GrainFactory.GetGrain<IClaimGrain>(PracticeScopedKey.Of(PracticeId, claimId)).Read();
        return claim.History.Any(p => p.PostingId == postingId);
    }

    /// <summary>
    /// An action id seen before: the same request gets the first result back, with nothing done again;
    /// a different one is refused, since the caller would otherwise believe it had been done.
    /// </summary>
    private async Task<WorklistActionReceipt> ReplayAsync(WorklistActionRecord recorded, WorklistActionRequest request)
    {
        var same = recorded.ItemKey == request.ItemKey?.Trim()
            && recorded.Action == (WorklistAction)request.Action
            && (request.AppealDeadline is null || request.AppealDeadline == recorded.Deadline)
            && (string.IsNullOrWhiteSpace(request.Assignee) || request.Assignee.Trim() == recorded.Assignee)
            && (string.IsNullOrWhiteSpace(request.Note) || request.Note.Trim() == recorded.Note);
        if (!same)
        {
            throw new ConflictException(new WorklistActionConflictException(PracticeId, recorded).Message);
        }

        var item = await FindAsync(recorded.ItemKey);
        return new WorklistActionReceipt(PracticeId, recorded.ToView(), item.Item.ToView(), Replayed: true, Posting: null);
    }

    private async Task<RecordedWorklistAction> RecordAsync(WorklistActionRecord action)
    {
        try
        {
            return await store.RecordActionAsync(PracticeId, action);
        }
        catch (WorklistActionConflictException e)
        {
            throw new ConflictException(e.Message);
        }
    }

    private async Task<WorklistItemHistory> FindAsync(string? itemKey)
    {
        var key = itemKey?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidCommandException("Name the worklist item.", [new FieldError("itemKey", "required")]);
        }

        return await store.ItemAsync(PracticeId, key) ?? throw new NotFoundException("Worklist item", $"{PracticeId}/{key}");
    }

    /// <summary>A practice id with a typo must not read as a practice with nothing to work.</summary>
    private Task EnsureRegisteredAsync() => _registration.EnsureAsync(GrainFactory, PracticeId);
}
