using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Ledger;
using ArCluster.Abstractions.Practices;
using ArCluster.Domain;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Abstractions.Remittances;
using ArCluster.Domain.Validation;
using ArCluster.Grains.Ledger;
using ArCluster.Grains.Remittances;
using ArCluster.Grains.FollowUp;
using ArCluster.Persistence.FollowUp;
using ArCluster.Persistence.Ledger;
using ArCluster.Persistence.Worklists;
using Microsoft.Extensions.Logging;

namespace ArCluster.Grains.Claims;

/// <summary>
/// A claim's grain: rebuilds the claim from its journal stream on activation, decides each posting
/// with the domain, and applies it only once the journal has made it durable.
/// </summary>
public sealed partial class ClaimGrain(
    LedgerStore store,
    WorklistSyncBatcher worklists,
    FollowUpAlarmStore alarms,
    FollowUpOptions followUpOptions,
    FollowUpSettingsCache followUpSettings,
    BusinessClock clock,
    ILogger<ClaimGrain> logger) : Grain, IClaimGrain
{
    private PracticeId _practice;
    private string _claimKey = string.Empty;
    private string _stream = string.Empty;
    private Claim? _claim;
    private Dictionary<string, byte[]> _fingerprints = new(StringComparer.Ordinal);

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_practice, _claimKey) = PracticeScopedKey.Parse(Key, "claim");
        _stream = ClaimId.TryParse(_claimKey, out var claimId, out _) ? LedgerStreams.Claim(_practice, claimId) : string.Empty;
        await ReloadAsync(cancellationToken);
    }

    public async Task<ClaimView> Open(NewClaim claim, string user)
    {
        ArgumentNullException.ThrowIfNull(claim);
        PracticeScopedKey.CheckAddressed(Key, claim.PracticeId, claim.ClaimId, "claim");
        var by = Users.Check(user);
        var fingerprint = Fingerprint.Of(_stream, claim);
        if (_claim is { } existing)
        {
            return _fingerprints[existing.Postings[0].PostingId.Value].AsSpan().SequenceEqual(fingerprint)
                ? existing.ToView()
                : throw new ConflictException(
                    $"Claim '{Key}' was already opened on {existing.Postings[0].PostedAt:yyyy-MM-dd} with different details; post corrections to it, or use a new claim id.");
        }

        var practice = await GrainFactory.GetGrain<IPracticeGrain>(_practice.Value).Read();
        var payers = practice.Payers.Select(p => p.PayerId).ToHashSet(StringComparer.Ordinal);
        var today = clock.Today;
        var details = DomainRules.Run(() => ClaimRules.Validate(claim.ToInput(), payers, today));

        // The account learns of the claim before the claim exists, so a claim is never invisible to
        // its account's payments; an account that lists a claim never opened simply skips it.
        await GrainFactory.GetGrain<IAccountGrain>(PracticeScopedKey.Of(_practice.Value, details.AccountId.Value))
            .AttachClaim(details.ClaimId.Value, details.FirstServiceDate);

        var context = new PostingContext(PostingId.Derived("claim", details.ClaimId.Value, "open"), clock.GetUtcNow(), by);
        var opening = Claim.Open(details, context);
        var before = await PlanBeforeChangeAsync();
        var result = await store.AppendAsync(details, opening, fingerprint);
        await ReloadAsync();
        if (_claim is null || !_fingerprints[_claim.Postings[0].PostingId.Value].AsSpan().SequenceEqual(fingerprint))
        {
            throw new ConflictException($"Claim '{Key}' was opened concurrently with different details ({result.Status}); read it and post corrections.");
        }

        await AfterChangeAsync(before);

        return _claim.ToView();
    }

    public Task<PostingReceipt> PostPayerPayment(PostPayerPayment command, string user)
    {
        ArgumentNullException.ThrowIfNull(command);
        return PostAsync(command.PostingId, command, user, (claim, context) => claim.PostPayerPayment(context, command.ToDomain()));
    }

    public Task<PostingReceipt> PostAdjustment(PostAdjustment command, string user)
    {
        ArgumentNullException.ThrowIfNull(command);
        return PostAsync(command.PostingId, command, user, (claim, context) => claim.PostAdjustment(context, command.ToDomain()));
    }

    public Task<PostingReceipt> Transfer(TransferBalance command, string user)
    {
        ArgumentNullException.ThrowIfNull(command);
        return PostAsync(command.PostingId, command, user, (claim, context) => claim.Transfer(context, command.ToDomain()));
    }

    public Task<PostingReceipt> WriteOff(WriteOffBalance command, string user)
    {
        ArgumentNullException.ThrowIfNull(command);
        return PostAsync(command.PostingId, command, user, (claim, context) => claim.WriteOff(context, command.ToDomain()));
    }

    public Task<PostingReceipt> Refund(RefundClaimCredit command, string user)
    {
        ArgumentNullException.ThrowIfNull(command);
        return PostAsync(command.PostingId, command, user, (claim, context) => claim.Refund(context, command.ToDomain()));
    }

    public Task<PostingReceipt> Reverse(ReversePosting command, string user)
    {
        ArgumentNullException.ThrowIfNull(command);
        return PostAsync(command.PostingId, command, user,
            (claim, context) => claim.Reverse(context, new ReverseCommand(command.Target, command.Date, command.Memo)));
    }

    public Task<PostingReceipt> ChangeStatus(ChangeClaimStatus command, string user)
    {
        ArgumentNullException.ThrowIfNull(command);
        return PostAsync(command.PostingId, command, user, (claim, context) => claim.ChangeStatus(context, command.ToDomain()));
    }

    public Task<ClaimView> Read() => Task.FromResult(Opened.ToView());

    public Task<ClaimSummary?> Summarize() => Task.FromResult(_claim?.ToSummary());

    public async Task<ClaimRemittanceResult> PostRemittance(ClaimRemittance remittance)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        if (_claim is null)
        {
            return ClaimRemittanceResults.NotPosted($"claim '{_claimKey}' is not on file for practice '{_practice}'");
        }

        var violations = new Violations();
        var payment = remittance.Payment.ToDomain(violations, "claim");
        var payer = violations.Check<PayerId>("payerId", remittance.PayerId, PayerId.TryParse);
        if (violations.Any)
        {
            return ClaimRemittanceResults.NotPosted(string.Join("; ", violations.Items));
        }

        var postingId = PostingId.Derived(remittance.PostingId);
        try
        {
            var posting = await CommitAsync(postingId, Fingerprint.OfDerived(_stream, postingId.Value), Users.Check(remittance.User),
                (claim, context) => claim.PostRemittance(context, payer!.Value, remittance.PaymentDate, payment));
            var first = posting!.Operation == ClaimOperation.PayerPayment
                && !Opened.Postings.Any(p => p.Version < posting.Version && p.Operation == ClaimOperation.PayerPayment);
            return ClaimRemittanceResults.Posted(posting) with { FirstAdjudication = first };
        }
        catch (InvalidCommandException e)
        {
            return ClaimRemittanceResults.NotPosted(string.Join("; ", e.Errors.Select(x => x.Message)));
        }
    }

    public async Task<decimal> ApplyPatientPayment(PatientPaymentApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (_claim is null)
        {
            return 0m;
        }

        var postingId = PostingId.Derived(application.PostingId);
        var upTo = Money.Of(application.UpTo);
        var posting = await CommitAsync(postingId, Fingerprint.OfDerived(_stream, postingId.Value), Users.Check(application.User),
            (claim, context) => claim.ApplyPatientPayment(context, new PatientPaymentCommand(upTo, application.LineNumber, application.PaymentDate, null)));
        return posting?.Amount(EntryKind.PatientPayment).Amount ?? 0m;
    }

    public async Task ReversePatientPayment(PatientPaymentApplicationReversal reversal)
    {
        ArgumentNullException.ThrowIfNull(reversal);
        var postingId = PostingId.Derived(reversal.PostingId);
        await CommitAsync(postingId, Fingerprint.OfDerived(_stream, postingId.Value), Users.Check(reversal.User),
            (claim, context) => claim.Reverse(context, new ReverseCommand(reversal.ApplicationPostingId, reversal.Date, "patient payment taken back"), patientPaymentsAllowed: true));
    }

    private Claim Opened => _claim ?? throw new NotFoundException("Claim", Key);

    private async Task<PostingReceipt> PostAsync<TCommand>(string rawPostingId, TCommand command, string user, Func<Claim, PostingContext, ClaimPosting?> decide)
    {
        var postingId = PostingIds.Parse(rawPostingId);
        var posting = await CommitAsync(postingId, Fingerprint.Of(_stream, command), Users.Check(user), decide);
        return Opened.ReceiptFor(posting!);
    }

    /// <summary>
    /// Decides and appends one posting. A posting id already on the claim returns the original
    /// posting (or is refused if the command differs); a stale state is reloaded and the command
    /// decided again, so a duplicate activation can never post on top of history it has not seen.
    /// </summary>
    private async Task<ClaimPosting?> CommitAsync(PostingId postingId, byte[] fingerprint, string user, Func<Claim, PostingContext, ClaimPosting?> decide)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var claim = Opened;
            if (claim.Find(postingId.Value) is { } earlier)
            {
                return _fingerprints[postingId.Value].AsSpan().SequenceEqual(fingerprint)
                    ? earlier
                    : throw PostingIds.Reused(postingId, $"claim '{Key}'");
            }

            var posting = DomainRules.Run(() => decide(claim, new PostingContext(postingId, clock.GetUtcNow(), user)));
            if (posting is null)
            {
                return null;
            }

            var before = await PlanBeforeChangeAsync();
            var result = await store.AppendAsync(claim.Details, posting, fingerprint);
            if (result.Status == Persistence.Journal.AppendStatus.Appended)
            {
                claim.Apply(posting);
                _fingerprints[postingId.Value] = fingerprint;
                await AfterChangeAsync(before);
                return posting;
            }

            if (result.Existing is { } other && other.StreamId != _stream)
            {
                throw PostingIds.Reused(postingId, $"'{other.StreamId}'");
            }

            await ReloadAsync();
        }

        throw new ConflictException($"Claim '{Key}' kept changing while posting '{postingId}'; read it and try again.");
    }

    private async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        if (_stream.Length == 0)
        {
            _claim = null;
            return;
        }

        var history = await store.LoadClaimAsync(_stream, cancellationToken);
        _claim = history.IsEmpty ? null : Claim.FromHistory(history.Postings);
        // Keyed by the postings' own id strings, not the journal rows' copies: one string per posting id in memory.
        _fingerprints = history.Postings.ToDictionary(p => p.PostingId.Value, p => history.CommandHashes[p.PostingId.Value], StringComparer.Ordinal);
    }
}
