using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Ledger;

namespace ArCluster.Client;

/// <summary>Patient accounts: opening them, patient payments (applied oldest balance first), reversals and refunds of credit.</summary>
public sealed class AccountOperations
{
    private readonly IClusterClient _orleans;
    private readonly string _user;

    internal AccountOperations(IClusterClient orleans, string user)
    {
        _orleans = orleans;
        _user = user;
    }

    public Task<AccountView> OpenAsync(NewAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Account(account.PracticeId, account.AccountId).Open(account, _user);
    }

    public Task<AccountView> GetAsync(string practiceId, string accountId) => Account(practiceId, accountId).Read();

    /// <summary>Posts a patient payment; what no claim can take stays on the account as credit.</summary>
    public Task<PatientPaymentView> PostPaymentAsync(string practiceId, string accountId, ReceivePatientPayment payment) =>
        Account(practiceId, accountId).ReceivePayment(payment, _user);

    /// <summary>Takes back a payment (a returned check) from every claim it was applied to.</summary>
    public Task<PatientPaymentView> ReversePaymentAsync(string practiceId, string accountId, ReversePatientPayment reversal) =>
        Account(practiceId, accountId).ReversePayment(reversal, _user);

    public Task<PostingView> RefundCreditAsync(string practiceId, string accountId, RefundAccountCredit refund) =>
        Account(practiceId, accountId).Refund(refund, _user);

    private IAccountGrain Account(string practiceId, string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practiceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return _orleans.GetGrain<IAccountGrain>(GrainKeys.Of(practiceId, accountId));
    }
}
