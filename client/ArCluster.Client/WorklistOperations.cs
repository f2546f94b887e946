using ArCluster.Abstractions.Worklists;

namespace ArCluster.Client;

/// <summary>
/// Worklists for billers: follow-up, denials, underpayments, timely-filing risk and unapplied money,
/// and the actions taken on them. Every action takes an action id (a new GUID unless you pass one):
/// if a call fails or times out, send it again with the same id — it is done once and the first
/// result comes back.
/// </summary>
public sealed class WorklistOperations
{
    private readonly IClusterClient _orleans;
    private readonly string _user;

    internal WorklistOperations(IClusterClient orleans, string user)
    {
        _orleans = orleans;
        _user = user;
    }

    /// <summary>Open items (closed too with <see cref="WorklistQuery.IncludeClosed"/>), escalated first, then by deadline.</summary>
    public Task<WorklistView> ListAsync(string practiceId, WorklistQuery? query = null) => Worklist(practiceId).List(query ?? new WorklistQuery());

    /// <summary>Open denials grouped by payer and reason (CAS group and CARC).</summary>
    public Task<DenialsView> DenialsAsync(string practiceId) => Worklist(practiceId).Denials();

    /// <summary>One item with every action taken on it.</summary>
    public Task<WorklistItemDetail> GetItemAsync(string practiceId, string itemKey) => Worklist(practiceId).Item(itemKey);

    /// <summary>Open counts and amounts per list, and how many are escalated.</summary>
    public Task<WorklistSummaryView> SummaryAsync(string practiceId) => Worklist(practiceId).Summary();

    public Task<WorklistActionReceipt> NoteAsync(string practiceId, string itemKey, string note, string? actionId = null) =>
        ActAsync(practiceId, Request(actionId, itemKey, WorklistActionKind.Note) with { Note = note });

    public Task<WorklistActionReceipt> AssignAsync(string practiceId, string itemKey, string assignee, string? note = null, string? actionId = null) =>
        ActAsync(practiceId, Request(actionId, itemKey, WorklistActionKind.Assign) with { Assignee = assignee, Note = note });

    /// <summary>Appeals a denial or disputes an underpayment; the claim becomes Appealed. The deadline defaults to the item's.</summary>
    public Task<WorklistActionReceipt> AppealAsync(string practiceId, string itemKey, DateOnly? deadline = null, string? note = null, string? actionId = null) =>
        ActAsync(practiceId, Request(actionId, itemKey, WorklistActionKind.Appeal) with { AppealDeadline = deadline, Note = note });

    /// <summary>The claim needs a corrected claim sent; it becomes Corrected.</summary>
    public Task<WorklistActionReceipt> MarkForCorrectionAsync(string practiceId, string itemKey, string? note = null, string? actionId = null) =>
        ActAsync(practiceId, Request(actionId, itemKey, WorklistActionKind.MarkForCorrection) with { Note = note });

    /// <summary>Writes off what the owing payer still owes on the claim, as an adjustment with the reason (CARC) and group (default CO).</summary>
    public Task<WorklistActionReceipt> WriteOffAsync(string practiceId, string itemKey, string reason, string? group = null, string? note = null, string? actionId = null) =>
        ActAsync(practiceId, Request(actionId, itemKey, WorklistActionKind.WriteOff) with { WriteOffReason = reason, WriteOffGroup = group, Note = note });

    /// <summary>Closes the item with a note saying why (an underpayment accepted, say).</summary>
    public Task<WorklistActionReceipt> ResolveAsync(string practiceId, string itemKey, string note, string? actionId = null) =>
        ActAsync(practiceId, Request(actionId, itemKey, WorklistActionKind.Resolve) with { Note = note });

    /// <summary>Any action, as a request you built; its user is this client's unless set.</summary>
    public Task<WorklistActionReceipt> ActAsync(string practiceId, WorklistActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Worklist(practiceId).Act(string.IsNullOrWhiteSpace(request.User) ? request with { User = _user } : request);
    }

    private WorklistActionRequest Request(string? actionId, string itemKey, WorklistActionKind action) =>
        new(string.IsNullOrWhiteSpace(actionId) ? Guid.NewGuid().ToString() : actionId, itemKey, action, _user);

    private IWorklistGrain Worklist(string practiceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practiceId);
        return _orleans.GetGrain<IWorklistGrain>(practiceId);
    }
}
