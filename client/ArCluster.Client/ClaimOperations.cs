using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;

namespace ArCluster.Client;

/// <summary>
/// Claims and their ledgers. Every posting takes a posting id you choose: if a call fails or times
/// out, send it again with the same id — it posts once and returns the original receipt.
/// </summary>
public sealed class ClaimOperations
{
    private readonly IClusterClient _orleans;
    private readonly string _user;

    internal ClaimOperations(IClusterClient orleans, string user)
    {
        _orleans = orleans;
        _user = user;
    }

    /// <summary>Opens a claim with its charges; the account must exist. Opening the same claim again returns it.</summary>
    public Task<ClaimView> CreateAsync(NewClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Claim(claim.PracticeId, claim.ClaimId).Open(claim, _user);
    }

    public Task<ClaimView> GetAsync(string practiceId, string claimId) => Claim(practiceId, claimId).Read();

    /// <summary>The claim's follow-up events, which are raised and open, and the day its reminder is armed for; runs the check its reminder runs.</summary>
    public Task<ClaimFollowUpView> GetFollowUpAsync(string practiceId, string claimId) => Claim(practiceId, claimId).CheckFollowUp();

    /// <summary>Posts a payer's payment and adjustments from a paper EOB.</summary>
    public Task<PostingReceipt> PostPayerPaymentAsync(string practiceId, string claimId, PostPayerPayment payment) =>
        Claim(practiceId, claimId).PostPayerPayment(payment, _user);

    public Task<PostingReceipt> PostAdjustmentAsync(string practiceId, string claimId, PostAdjustment adjustment) =>
        Claim(practiceId, claimId).PostAdjustment(adjustment, _user);

    public Task<PostingReceipt> TransferAsync(string practiceId, string claimId, TransferBalance transfer) =>
        Claim(practiceId, claimId).Transfer(transfer, _user);

    public Task<PostingReceipt> WriteOffAsync(string practiceId, string claimId, WriteOffBalance writeOff) =>
        Claim(practiceId, claimId).WriteOff(writeOff, _user);

    public Task<PostingReceipt> RefundAsync(string practiceId, string claimId, RefundClaimCredit refund) =>
        Claim(practiceId, claimId).Refund(refund, _user);

    /// <summary>Reverses an earlier posting or entry of the claim; history keeps both.</summary>
    public Task<PostingReceipt> ReverseAsync(string practiceId, string claimId, ReversePosting reversal) =>
        Claim(practiceId, claimId).Reverse(reversal, _user);

    private IClaimGrain Claim(string practiceId, string claimId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practiceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimId);
        return _orleans.GetGrain<IClaimGrain>(GrainKeys.Of(practiceId, claimId));
    }
}
