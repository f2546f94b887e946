namespace ArCluster.Abstractions.Remittances;

/// <summary>
/// One 835 transaction, keyed "practice/payer/trace" (TRN02): posting it twice, from a renamed file
/// or from two clients at once, posts it once.
/// </summary>
[Alias("arcluster.IRemittanceGrain")]
public interface IRemittanceGrain : IGrainWithStringKey
{
    [Alias("Post")]
    Task<RemittanceReport> Post(RemittanceSubmission remittance, string user);

    /// <summary>Posts the claim payments that were left unapplied (their claims were not on file) now that they may be; returns the updated report.</summary>
    [Alias("PostUnapplied")]
    Task<RemittanceReport> PostUnapplied(string user);

    /// <summary>The report of the transaction posted under this key, or null if none was.</summary>
    [Alias("Report")]
    Task<RemittanceReport?> Report();
}
