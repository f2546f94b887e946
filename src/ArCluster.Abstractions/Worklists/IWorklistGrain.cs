using Orleans.Concurrency;

namespace ArCluster.Abstractions.Worklists;

/// <summary>
/// A practice's worklists, keyed by practice id: follow-up, denials, underpayments, timely-filing risk
/// and unapplied remittance money, and the actions billers take on them. Reads never wait behind an action.
/// </summary>
[Alias("arcluster.IWorklistGrain")]
public interface IWorklistGrain : IGrainWithStringKey
{
    [Alias("List"), AlwaysInterleave]
    Task<WorklistView> List(WorklistQuery query);

    /// <summary>Open denials grouped by payer and reason, the most money first.</summary>
    [Alias("Denials"), AlwaysInterleave]
    Task<DenialsView> Denials();

    [Alias("Item"), AlwaysInterleave]
    Task<WorklistItemDetail> Item(string itemKey);

    [Alias("Summary"), AlwaysInterleave]
    Task<WorklistSummaryView> Summary();

    /// <summary>Takes an action; an action that changes the claim is recorded only once the claim has taken it.</summary>
    [Alias("Act")]
    Task<WorklistActionReceipt> Act(WorklistActionRequest request);
}
