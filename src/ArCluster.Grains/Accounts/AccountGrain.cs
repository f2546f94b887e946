using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Ledger;
using ArCluster.Abstractions.Practices;
using ArCluster.Domain;
using ArCluster.Domain.Accounts;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Grains.Ledger;
using ArCluster.Persistence.Journal;
using ArCluster.Persistence.Ledger;

namespace ArCluster.Grains.Accounts;

/// <summary>
/// A patient account's grain. A payment is applied claim by claim, each step journaled, so a crash
/// part-way leaves a payment that the next call to the account finishes — never one applied twice
/// or lost.
/// </summary>
public sealed class AccountGrain(LedgerStore store, BusinessClock clock) : Grain, IAccountGrain, IDisposable
{
    /// <summary>Who finishes a payment left half-applied, when no user call is driving it.</summary>
    private const string SystemUser = "arcluster";

    // AttachClaim interleaves with long-running payment calls; each journal write holds this gate
    // from decision to apply, so interleaved calls never decide on the same version.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PracticeId _practice;
    private string _accountKey = string.Empty;
    private string _stream = string.Empty;
    private Account? _account;
    private Dictionary<string, byte[]> _fingerprints = new(StringComparer.Ordinal);

    private string Key => this.GetPrimaryKeyString();

    private Account Opened => _account ?? throw new NotFoundException("Account", Key);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_practice, _accountKey) = PracticeScopedKey.Parse(Key, "account");
        _stream = AccountId.TryParse(_accountKey, out var accountId, out _) ? LedgerStreams.Account(_practice, accountId) : string.Empty;
        await ReloadAsync(cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    public async Task<AccountView> Open(NewAccount account, string user)
    {
        ArgumentNullException.ThrowIfNull(account);
        PracticeScopedKey.CheckAddressed(Key, account.PracticeId, account.AccountId, "account");
        var by = Users.Check(user);
        var fingerprint = Fingerprint.Of(_stream, account);
        if (_account is null)
        {
            await GrainFactory.GetGrain<IPracticeGrain>(_practice.Value).Read();
            var details = DomainRules.Run(() => AccountRules.Validate(account.ToInput(), Today));
            var context = new PostingContext(PostingId.Derived("account", details.AccountId.Value, "open"), clock.GetUtcNow(), by);
            var opening = Account.Open(details, context);
            await store.AppendAsync(details, opening, fingerprint);
            await ReloadAsync();
        }

        var opened = Opened;
        return _fingerprints[opened.Postings[0].PostingId.Value].AsSpan().SequenceEqual(fingerprint)
            ? await ViewAsync()
            : throw new ConflictException($"Account '{Key}' already exists with different details; it was opened on {opened.Postings[0].PostedAt:yyyy-MM-dd}.");
    }

    public async Task AttachClaim(string claimId, DateOnly firstServiceDate)
    {
        if (_account is null)
        {
            throw new NotFoundException("Account", Key);
        }

        var claim = ClaimId.TryParse(claimId, out var id, out var error) ? id : throw new InvalidCommandException(error, [new FieldError("claimId", error)]);
        await CommitAsync(null, SystemUser, (account, at, by) =>
            account.AttachClaim(new PostingContext(PostingId.Derived("account", _accountKey, "claim", claim.Value), at, by), claim, firstServiceDate));
    }

    public async Task<PatientPaymentView> ReceivePayment(ReceivePatientPayment payment, string user)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var by = Users.Check(user);
        var paymentId = PostingIds.Parse(payment.PaymentId);
        await FinishPendingAsync(by);
        var fingerprint = Fingerprint.Of(_stream, payment);
        if (Opened.Find(paymentId.Value) is null)
        {
            var receipt = payment.ToReceipt();
            await CommitAsync(fingerprint, by, (account, at, who) => account.ReceivePayment(new PostingContext(paymentId, at, who), receipt));
        }
        else if (!_fingerprints[paymentId.Value].AsSpan().SequenceEqual(fingerprint))
        {
            throw PostingIds.Reused(paymentId, $"account '{Key}'");
        }

        await ApplyAsync(paymentId, by);
        return Progress(paymentId).ToView();
    }

    public async Task<PatientPaymentView> ReversePayment(ReversePatientPayment reversal, string user)
    {
        ArgumentNullException.ThrowIfNull(reversal);
        var by = Users.Check(user);
        var reversalId = PostingIds.Parse(reversal.ReversalId);
        await FinishPendingAsync(by);
        var fingerprint = Fingerprint.Of(_stream, reversal);
        if (Opened.Find(reversalId.Value) is null)
        {
            await CommitAsync(fingerprint, by, (account, at, who) =>
                account.StartReversal(new PostingContext(reversalId, at, who), reversal.PaymentId, reversal.Date, reversal.Memo));
        }
        else if (!_fingerprints[reversalId.Value].AsSpan().SequenceEqual(fingerprint))
        {
            throw PostingIds.Reused(reversalId, $"account '{Key}'");
        }

        var paymentId = Opened.Payment(reversal.PaymentId)!.PaymentId;
        await UnapplyAsync(paymentId, by);
        return Progress(paymentId).ToView();
    }

    public async Task<PostingView> Refund(RefundAccountCredit refund, string user)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var by = Users.Check(user);
        var refundId = PostingIds.Parse(refund.RefundId);
        await FinishPendingAsync(by);
        var fingerprint = Fingerprint.Of(_stream, refund);
        if (Opened.Find(refundId.Value) is { } earlier)
        {
            return _fingerprints[refundId.Value].AsSpan().SequenceEqual(fingerprint) ? earlier.ToView() : throw PostingIds.Reused(refundId, $"account '{Key}'");
        }

        var amount = refund.ToAmount();
        var posting = await CommitAsync(fingerprint, by, (account, at, who) =>
            account.Refund(new PostingContext(refundId, at, who), amount, refund.Date, refund.Memo));
        return posting!.ToView();
    }

    public async Task<AccountView> Read()
    {
        await FinishPendingAsync(SystemUser);
        return await ViewAsync();
    }

    private DateOnly Today => clock.Today;

    private async Task<AccountView> ViewAsync()
    {
        var account = Opened;
        var summaries = await Task.WhenAll(account.Claims.Select(c => Claim(c).Summarize()));
        return account.ToView([.. summaries.OfType<ClaimSummary>()]);
    }

    private IClaimGrain Claim(ClaimId claim) => GrainFactory.GetGrain<IClaimGrain>(PracticeScopedKey.Of(_practice.Value, claim.Value));

    private async Task FinishPendingAsync(string by)
    {
        foreach (var payment in Opened.PendingPayments.Select(p => p.PaymentId).ToArray())
        {
            await ApplyAsync(payment, by);
            await UnapplyAsync(payment, by);
        }
    }

    // Steps re-read the payment from the account each time: a reload replaces the objects.
    private PaymentProgress Progress(PostingId paymentId) => Opened.Payment(paymentId.Value)!;

    private async Task ApplyAsync(PostingId paymentId, string by)
    {
        if (Progress(paymentId).Settled)
        {
            return;
        }

        // A step cut short by a crash is finished first, with the claim and the amount it was
        // started with: the claim answers its original result, so nothing is applied twice.
        if (Progress(paymentId).PendingApplication is { } pending)
        {
            await ApplyToClaimAsync(paymentId, pending.Claim, pending.UpTo, by);
        }

        foreach (var claim in Opened.ClaimsToApply(Progress(paymentId)))
        {
            var unapplied = Progress(paymentId).Unapplied;
            if (!unapplied.IsPositive)
            {
                break;
            }

            await CommitAsync(null, by, (account, at, who) => account.StartApplication(account.Payment(paymentId.Value)!, claim, unapplied, at, who));
            await ApplyToClaimAsync(paymentId, claim, unapplied, by);
        }

        await CommitAsync(null, by, (account, at, who) => account.Settle(account.Payment(paymentId.Value)!, at, who));
    }

    private async Task ApplyToClaimAsync(PostingId paymentId, ClaimId claim, Money upTo, string by)
    {
        var payment = Progress(paymentId);
        var application = new PatientPaymentApplication(
            Account.ClaimPostingFor(paymentId, claim).Value, upTo.Amount, payment.Receipt.TargetLine, payment.Receipt.PaymentDate, by);
        var applied = Money.Of(await Claim(claim).ApplyPatientPayment(application));
        await CommitAsync(null, by, (account, at, who) => account.RecordApplication(account.Payment(paymentId.Value)!, claim, applied, at, who));
    }

    private async Task UnapplyAsync(PostingId paymentId, string by)
    {
        var payment = Progress(paymentId);
        if (payment.ReversalId is not { } reversalId || payment.Reversed)
        {
            return;
        }

        foreach (var claim in payment.ApplicationsToReverse)
        {
            await Claim(claim).ReversePatientPayment(new PatientPaymentApplicationReversal(
                Account.ClaimPostingFor(reversalId, claim).Value, Account.ClaimPostingFor(paymentId, claim).Value, payment.ReversalDate!.Value, by));
            await CommitAsync(null, by, (account, at, who) => account.RecordApplicationReversed(account.Payment(paymentId.Value)!, claim, at, who));
        }

        await CommitAsync(null, by, (account, at, who) => account.FinishReversal(account.Payment(paymentId.Value)!, at, who));
    }

    /// <summary>
    /// Decides and journals one posting under the gate. A posting already on the account is
    /// returned as it is (a retried step); a stale state is reloaded and the step decided again.
    /// </summary>
    private async Task<AccountPosting?> CommitAsync(byte[]? fingerprint, string by, Func<Account, DateTimeOffset, string, AccountPosting?> decide)
    {
        await _gate.WaitAsync();
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var account = Opened;
                var posting = DomainRules.Run(() => decide(account, clock.GetUtcNow(), by));
                if (posting is null)
                {
                    return null;
                }

                if (account.Find(posting.PostingId.Value) is { } earlier)
                {
                    return earlier;
                }

                var print = fingerprint ?? Fingerprint.OfDerived(_stream, posting.PostingId.Value);
                var result = await store.AppendAsync(account.Details, posting, print);
                if (result.Status == AppendStatus.Appended)
                {
                    account.Apply(posting);
                    _fingerprints[posting.PostingId.Value] = print;
                    return posting;
                }

                if (result.Existing is { } other && other.StreamId != _stream)
                {
                    throw PostingIds.Reused(posting.PostingId, $"'{other.StreamId}'");
                }

                await ReloadAsync();
            }

            throw new ConflictException($"Account '{Key}' kept changing; read it and try again.");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        if (_stream.Length == 0)
        {
            return;
        }

        var history = await store.LoadAccountAsync(_stream, cancellationToken);
        _account = history.IsEmpty ? null : Account.FromHistory(history.Postings);
        _fingerprints = new Dictionary<string, byte[]>(history.CommandHashes, StringComparer.Ordinal);
    }
}
