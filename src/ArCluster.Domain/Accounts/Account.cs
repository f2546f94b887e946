using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Accounts;

/// <summary>
/// A patient account: its claims, the patient payments received and how each was applied, and the
/// unapplied credit. A payment is applied claim by claim — each claim owns its own ledger — so the
/// account records each step; a payment left half-applied by a crash is finished on the next call,
/// and every step is idempotent.
/// </summary>
public sealed class Account
{
    private readonly List<AccountPosting> _postings = [];
    private readonly List<(ClaimId Claim, DateOnly FirstServiceDate)> _claims = [];
    private readonly Dictionary<string, PaymentProgress> _payments = new(StringComparer.Ordinal);

    private Account(AccountDetails details) => Details = details;

    public AccountDetails Details { get; }

    public long Version => _postings.Count;

    public IReadOnlyList<AccountPosting> Postings => _postings;

    /// <summary>The account's claims, oldest date of service first (the order payments apply in).</summary>
    public IEnumerable<ClaimId> Claims => _claims.OrderBy(c => c.FirstServiceDate).ThenBy(c => c.Claim.Value, StringComparer.Ordinal).Select(c => c.Claim);

    public IEnumerable<PaymentProgress> Payments => _payments.Values;

    public IEnumerable<PaymentProgress> PendingPayments => _payments.Values.Where(p => p.Pending);

    /// <summary>Money received that no claim has taken and that was not refunded.</summary>
    public Money Credit { get; private set; }

    public LedgerTotals Totals { get; private set; } = LedgerTotals.Zero;

    public string Name => $"account '{Details.AccountId}' of practice '{Details.PracticeId}'";

    public static AccountPosting Open(AccountDetails details, PostingContext context)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(context);
        return new AccountPosting(context.PostingId, 1, AccountOperation.Open, context.PostedAt, context.PostedBy, []) { Details = details };
    }

    public static Account FromHistory(IEnumerable<AccountPosting> postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        Account? account = null;
        foreach (var posting in postings)
        {
            account ??= new Account(posting.Details ?? throw new InvalidOperationException($"The first posting of an account must open it; '{posting.PostingId}' is a {posting.Operation}."));
            account.Apply(posting);
        }

        return account ?? throw new InvalidOperationException("An account needs at least its opening posting.");
    }

    public bool HasClaim(ClaimId claim) => _claims.Exists(c => c.Claim == claim);

    public PaymentProgress? Payment(string paymentId) => _payments.GetValueOrDefault(paymentId);

    public AccountPosting? Find(string postingId) => _postings.Find(p => p.PostingId.Value == postingId);

    public void Apply(AccountPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        if (posting.Version != Version + 1)
        {
            throw new InvalidOperationException($"Posting '{posting.PostingId}' is version {posting.Version}, but {Name} is at version {Version}.");
        }

        var payment = posting.PaymentId is { } id ? _payments.GetValueOrDefault(id.Value) : null;
        switch (posting.Operation)
        {
            case AccountOperation.AttachClaim:
                _claims.Add((posting.ClaimId!.Value, posting.Date!.Value));
                break;
            case AccountOperation.PaymentReceived:
                _payments.Add(posting.PaymentId!.Value.Value, new PaymentProgress(posting.PaymentId.Value, posting.Receipt!, posting.PostedAt, posting.PostedBy));
                break;
            case AccountOperation.PaymentApplying:
                payment!.Intends(posting.ClaimId!.Value, posting.ClaimAmount!.Value);
                break;
            case AccountOperation.PaymentApplied:
                payment!.Applies(posting.ClaimId!.Value, posting.ClaimAmount!.Value);
                break;
            case AccountOperation.PaymentSettled:
                payment!.Settles(posting.ClaimAmount ?? Money.Zero, posting.Entries.IsEmpty ? null : posting.Entries[0].EntryId);
                break;
            case AccountOperation.PaymentReversalStarted:
                payment!.ReversalStarts(posting.PostingId, posting.Date!.Value);
                break;
            case AccountOperation.ApplicationReversed:
                payment!.ClaimReversed(posting.ClaimId!.Value);
                break;
            case AccountOperation.PaymentReversed:
                payment!.ReversalEnds();
                break;
        }

        foreach (var entry in posting.Entries)
        {
            Credit -= entry.EffectOn(ResponsibleParty.Patient);
            Totals = Totals.Add(entry);
        }

        _postings.Add(posting);
    }

    /// <summary>Links a claim to the account; returns null when it already is.</summary>
    public AccountPosting? AttachClaim(PostingContext context, ClaimId claim, DateOnly firstServiceDate)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HasClaim(claim) ? null : Next(context, AccountOperation.AttachClaim, []) with { ClaimId = claim, Date = firstServiceDate };
    }

    public AccountPosting ReceivePayment(PostingContext context, PatientPaymentReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(receipt);
        var violations = new Violations();
        if (!receipt.Amount.IsPositive)
        {
            violations.Add("amount", $"a payment must be more than zero, not {receipt.Amount}");
        }

        if (receipt.TargetClaim is { } target && !HasClaim(target))
        {
            violations.Add("claimId", $"claim '{target}' is not on {Name}");
        }

        if (receipt.TargetLine is not null && receipt.TargetClaim is null)
        {
            violations.Add("lineNumber", "a line can only be named together with its claim");
        }

        violations.ThrowIfAny($"Patient payment '{context.PostingId}' on {Name}");
        return Next(context, AccountOperation.PaymentReceived, []) with { PaymentId = context.PostingId, Receipt = receipt };
    }

    /// <summary>The claims a payment still has to visit, in the order it applies to them.</summary>
    public IReadOnlyList<ClaimId> ClaimsToApply(PaymentProgress payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Settled || !payment.Unapplied.IsPositive)
        {
            return [];
        }

        var visited = payment.Applications.Select(a => a.Claim).ToHashSet();
        var candidates = payment.Receipt.TargetClaim is { } target ? [target] : Claims;
        return candidates.Where(c => !visited.Contains(c)).ToArray();
    }

    /// <summary>The posting id the claim uses for its part of a payment, so retries find it.</summary>
    public static PostingId ClaimPostingFor(PostingId paymentOrReversal, ClaimId claim) => PostingId.Derived(paymentOrReversal.Value, "claim", claim.Value);

    /// <summary>Records, before the claim is asked, that the payment is being applied to it up to <paramref name="upTo"/>.</summary>
    public AccountPosting StartApplication(PaymentProgress payment, ClaimId claim, Money upTo, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var context = new PostingContext(PostingId.Derived(payment.PaymentId.Value, "applying", claim.Value), at, by);
        return Next(context, AccountOperation.PaymentApplying, []) with { PaymentId = payment.PaymentId, ClaimId = claim, ClaimAmount = upTo };
    }

    /// <summary>Records what the claim took (possibly nothing), which ends the step <see cref="StartApplication"/> began.</summary>
    public AccountPosting RecordApplication(PaymentProgress payment, ClaimId claim, Money applied, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var context = new PostingContext(PostingId.Derived(payment.PaymentId.Value, "applied", claim.Value), at, by);
        return Next(context, AccountOperation.PaymentApplied, []) with { PaymentId = payment.PaymentId, ClaimId = claim, ClaimAmount = applied };
    }

    /// <summary>Ends a payment's application; what is left becomes the account's credit (never lost).</summary>
    public AccountPosting Settle(PaymentProgress payment, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var context = new PostingContext(PostingId.Derived(payment.PaymentId.Value, "settled"), at, by);
        ImmutableArray<LedgerEntry> credit = payment.Unapplied.IsPositive
            ? [new LedgerEntry(context.EntryId(1), EntryKind.PatientPayment, payment.Unapplied, ResponsibleParty.Patient, payment.Receipt.PaymentDate) { Memo = "unapplied credit" }]
            : [];
        return Next(context, AccountOperation.PaymentSettled, credit) with { PaymentId = payment.PaymentId, ClaimAmount = payment.Unapplied };
    }

    /// <summary>Starts taking back a payment (a returned check). Its credit part must still be on the account.</summary>
    public AccountPosting StartReversal(PostingContext context, string paymentId, DateOnly date, string? memo)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payment = Payment(paymentId);
        var violations = new Violations();
        if (payment is null)
        {
            violations.Add("paymentId", $"payment '{paymentId}' was not received on {Name}");
        }
        else if (!payment.Settled)
        {
            violations.Add("paymentId", $"payment '{paymentId}' is still being applied; try again in a moment");
        }
        else if (payment.ReversalId is not null)
        {
            violations.Add("paymentId", $"payment '{paymentId}' is already reversed (by '{payment.ReversalId}')");
        }
        else if (payment.CreditPortion > Credit)
        {
            violations.Add("paymentId", $"payment '{paymentId}' left {payment.CreditPortion} of credit, but only {Credit} is left after refunds; reverse the refund first");
        }

        violations.ThrowIfAny($"Payment reversal '{context.PostingId}' on {Name}");
        return Next(context, AccountOperation.PaymentReversalStarted, []) with { PaymentId = payment!.PaymentId, Date = date, Memo = memo };
    }

    public AccountPosting RecordApplicationReversed(PaymentProgress payment, ClaimId claim, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var context = new PostingContext(PostingId.Derived(payment.ReversalId!.Value.Value, "reversed", claim.Value), at, by);
        var amount = payment.Applications.First(a => a.Claim == claim).Amount;
        return Next(context, AccountOperation.ApplicationReversed, []) with { PaymentId = payment.PaymentId, ClaimId = claim, ClaimAmount = amount };
    }

    public AccountPosting FinishReversal(PaymentProgress payment, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var context = new PostingContext(PostingId.Derived(payment.ReversalId!.Value.Value, "done"), at, by);
        var creditEntry = _postings.SelectMany(p => p.Entries).FirstOrDefault(e => e.EntryId == payment.CreditEntryId);
        ImmutableArray<LedgerEntry> entries = creditEntry is null ? [] : [creditEntry.ReversedBy(context.EntryId(1), payment.ReversalDate!.Value, "payment reversed")];
        return Next(context, AccountOperation.PaymentReversed, entries) with { PaymentId = payment.PaymentId };
    }

    /// <summary>Pays back unapplied credit to the guarantor.</summary>
    public AccountPosting Refund(PostingContext context, Money amount, DateOnly date, string? memo)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!amount.IsPositive || amount > Credit)
        {
            throw new RuleViolationException($"Refund '{context.PostingId}' on {Name}",
                [new RuleViolation("amount", amount.IsPositive
                    ? $"{amount} is more than the account's unapplied credit of {Credit}"
                    : $"a refund must be more than zero, not {amount}")]);
        }

        var entry = new LedgerEntry(context.EntryId(1), EntryKind.Refund, amount, ResponsibleParty.Patient, date) { Memo = memo };
        return Next(context, AccountOperation.Refund, [entry]) with { Memo = memo };
    }

    private AccountPosting Next(PostingContext context, AccountOperation operation, ImmutableArray<LedgerEntry> entries) =>
        new(context.PostingId, Version + 1, operation, context.PostedAt, context.PostedBy, entries);
}
