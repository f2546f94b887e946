using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Accounts;

/// <summary>How far a patient payment has got: applied to which claims, settled, and whether it was reversed.</summary>
public sealed class PaymentProgress
{
    private readonly List<(ClaimId Claim, Money Amount)> _applications = [];
    private readonly HashSet<ClaimId> _reversedClaims = [];

    internal PaymentProgress(PostingId paymentId, PatientPaymentReceipt receipt, DateTimeOffset receivedAt, string receivedBy)
    {
        PaymentId = paymentId;
        Receipt = receipt;
        ReceivedAt = receivedAt;
        ReceivedBy = receivedBy;
    }

    public PostingId PaymentId { get; }

    public PatientPaymentReceipt Receipt { get; }

    public DateTimeOffset ReceivedAt { get; }

    public string ReceivedBy { get; }

    /// <summary>Every claim the payment visited and what it took (possibly nothing), in order.</summary>
    public IReadOnlyList<(ClaimId Claim, Money Amount)> Applications => _applications;

    /// <summary>The claim the payment was being applied to when it last stopped, and up to how much.</summary>
    public (ClaimId Claim, Money UpTo)? PendingApplication { get; private set; }

    public Money Applied => Money.Sum(_applications.Select(a => a.Amount));

    public Money Unapplied => Receipt.Amount - Applied;

    public bool Settled { get; private set; }

    /// <summary>What no claim could take, kept as account credit when the payment settled.</summary>
    public Money CreditPortion { get; private set; }

    public string? CreditEntryId { get; private set; }

    public PostingId? ReversalId { get; private set; }

    public DateOnly? ReversalDate { get; private set; }

    public bool Reversed { get; private set; }

    public bool Pending => !Settled || (ReversalId is not null && !Reversed);

    public bool IsReversed(ClaimId claim) => _reversedClaims.Contains(claim);

    /// <summary>The claims whose part of this payment is still to be reversed, once a reversal started.</summary>
    public IReadOnlyList<ClaimId> ApplicationsToReverse => ReversalId is null || Reversed
        ? []
        : _applications.Where(a => a.Amount.IsPositive).Select(a => a.Claim).Where(c => !_reversedClaims.Contains(c)).ToArray();

    internal void Intends(ClaimId claim, Money upTo) => PendingApplication = (claim, upTo);

    internal void Applies(ClaimId claim, Money amount)
    {
        _applications.Add((claim, amount));
        PendingApplication = null;
    }

    internal void Settles(Money creditPortion, string? creditEntryId)
    {
        Settled = true;
        CreditPortion = creditPortion;
        CreditEntryId = creditEntryId;
    }

    internal void ReversalStarts(PostingId reversalId, DateOnly date)
    {
        ReversalId = reversalId;
        ReversalDate = date;
    }

    internal void ClaimReversed(ClaimId claim) => _reversedClaims.Add(claim);

    internal void ReversalEnds() => Reversed = true;
}
