using ArCluster.Abstractions.Ledger;
using Orleans.Concurrency;

namespace ArCluster.Abstractions.Accounts;

/// <summary>A patient account; keyed "practice/account".</summary>
[Alias("arcluster.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Opens the account; opening it again with the same details returns it.</summary>
    [Alias("Open")]
    Task<AccountView> Open(NewAccount account, string user);

    [Alias("ReceivePayment")]
    Task<PatientPaymentView> ReceivePayment(ReceivePatientPayment payment, string user);

    [Alias("ReversePayment")]
    Task<PatientPaymentView> ReversePayment(ReversePatientPayment reversal, string user);

    [Alias("Refund")]
    Task<PostingView> Refund(RefundAccountCredit refund, string user);

    [Alias("Read")]
    Task<AccountView> Read();

    /// <summary>
    /// Used by a claim being opened: links it to this account (again is harmless). It may run while
    /// a payment is being applied — which may be waiting on that very claim — so it interleaves.
    /// </summary>
    [Alias("AttachClaim"), AlwaysInterleave]
    Task AttachClaim(string claimId, DateOnly firstServiceDate);
}
