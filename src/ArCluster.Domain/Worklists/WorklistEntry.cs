namespace ArCluster.Domain.Worklists;

/// <summary>
/// One thing a biller must act on, as its source raised it: the key is unique within the practice
/// and derived from the source (the claim and the event, or the remittance and the claim payment),
/// so raising it again is a no-op. <see cref="Reason"/> is what to look at (a CARC such as "CO-50",
/// or "no response 30 days after billing"); <see cref="Deadline"/> is the last day to act, if any.
/// </summary>
public sealed record WorklistEntry(
    string Key,
    WorklistKind Kind,
    string? ClaimId,
    string? AccountId,
    string? PayerId,
    Money Amount,
    string Reason,
    DateOnly DueOn,
    DateOnly? Deadline)
{
    /// <summary>Past or close to a deadline: shown first and marked.</summary>
    public bool Escalated { get; init; }

    /// <summary>Anything else a biller needs to act (the expected and allowed amounts of an underpayment, say).</summary>
    public string? Detail { get; init; }
}
