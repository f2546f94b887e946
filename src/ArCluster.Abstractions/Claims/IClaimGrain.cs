using ArCluster.Abstractions.Ledger;
using Orleans.Concurrency;

namespace ArCluster.Abstractions.Claims;

/// <summary>
/// A claim and its ledger; keyed "practice/claim". Every posting carries a caller-chosen posting
/// id: resending it returns the original receipt; reusing it for something else is a conflict.
/// <c>user</c> is who is acting, recorded on every posting.
/// </summary>
[Alias("arcluster.IClaimGrain")]
public interface IClaimGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task<ClaimView> Open(NewClaim claim, string user);

    [Alias("PostPayerPayment")]
    Task<PostingReceipt> PostPayerPayment(PostPayerPayment command, string user);

    [Alias("PostAdjustment")]
    Task<PostingReceipt> PostAdjustment(PostAdjustment command, string user);

    [Alias("Transfer")]
    Task<PostingReceipt> Transfer(TransferBalance command, string user);

    [Alias("WriteOff")]
    Task<PostingReceipt> WriteOff(WriteOffBalance command, string user);

    [Alias("Refund")]
    Task<PostingReceipt> Refund(RefundClaimCredit command, string user);

    [Alias("Reverse")]
    Task<PostingReceipt> Reverse(ReversePosting command, string user);

    [Alias("ChangeStatus")]
    Task<PostingReceipt> ChangeStatus(ChangeClaimStatus command, string user);

    /// <summary>
    /// Does now what the claim's follow-up reminder does when it fires: raises what has come due,
    /// clears what no longer applies, and re-arms the reminder for the next event. Safe to repeat.
    /// </summary>
    [Alias("CheckFollowUp")]
    Task<ClaimFollowUpView> CheckFollowUp();

    [Alias("Read")]
    Task<ClaimView> Read();

    /// <summary>Used by a remittance: posts one 835 claim payment; an unknown claim answers "not posted" instead of failing.</summary>
    [Alias("PostRemittance")]
    Task<Remittances.ClaimRemittanceResult> PostRemittance(Remittances.ClaimRemittance remittance);

    /// <summary>The claim's status and balances, or null if it was never opened. Never waits behind a posting.</summary>
    [Alias("Summarize"), AlwaysInterleave]
    Task<ClaimSummary?> Summarize();

    /// <summary>Used by the claim's account: applies up to the amount to the patient's balance and returns what it took.</summary>
    [Alias("ApplyPatientPayment")]
    Task<decimal> ApplyPatientPayment(PatientPaymentApplication application);

    /// <summary>Used by the claim's account: reverses the claim's part of a payment taken back.</summary>
    [Alias("ReversePatientPayment")]
    Task ReversePatientPayment(PatientPaymentApplicationReversal reversal);
}

[GenerateSerializer, Immutable, Alias("arcluster.PatientPaymentApplication")]
public sealed record PatientPaymentApplication(
    [property: Id(0)] string PostingId,
    [property: Id(1)] decimal UpTo,
    [property: Id(2)] int? LineNumber,
    [property: Id(3)] DateOnly PaymentDate,
    [property: Id(4)] string User);

[GenerateSerializer, Immutable, Alias("arcluster.PatientPaymentApplicationReversal")]
public sealed record PatientPaymentApplicationReversal(
    [property: Id(0)] string PostingId,
    [property: Id(1)] string ApplicationPostingId,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] string User);
