using System.Collections.Immutable;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Remittances;
using ArCluster.Domain;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Remittances;
using ArCluster.Domain.Validation;
using ArCluster.Grains.Ledger;
using ArCluster.Grains.Practices;
using ArCluster.Persistence.Journal;
using ArCluster.Persistence.Ledger;
using ArCluster.Persistence.Worklists;
using Orleans.Runtime;

namespace ArCluster.Grains.Remittances;

/// <summary>
/// One 835 transaction: checks it balances, posts each claim payment to its claim (unknown claims
/// are kept as unapplied, never dropped), records the provider-level adjustments, and answers a
/// repeat with the first report. A different transaction under the same payer and trace is flagged,
/// not posted: it may be the same money twice.
/// </summary>
public sealed class RemittanceGrain(
    [PersistentState("remittance")] IPersistentState<RemittanceState> state,
    LedgerStore store,
    WorklistStore worklists,
    BusinessClock clock) : Grain, IRemittanceGrain
{
    /// <summary>Claim payments posted at once: enough to keep the journal's batches full.</summary>
    private const int ClaimsInFlight = 256;

    public Task<RemittanceReport?> Report() => Task.FromResult(state.State.Report);

    public async Task<RemittanceReport> Post(RemittanceSubmission remittance, string user)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        var (practice, rest) = PracticeScopedKey.Parse(this.GetPrimaryKeyString(), "remittance");
        if (rest != $"{remittance.PayerId}/{remittance.TraceNumber}")
        {
            throw new InvalidCommandException(
                $"Remittance '{remittance.PayerId}/{remittance.TraceNumber}' was sent to '{this.GetPrimaryKeyString()}'.",
                [new FieldError("traceNumber", "must match the remittance addressed")]);
        }

        var by = Users.Check(user);
        var hash = Convert.ToHexString(Persistence.Ledger.LedgerJson.Hash(RemittanceContent.Of(remittance)));
        if (state.State.ContentHash is { } known)
        {
            if (known != hash)
            {
                return RemittanceReports.Refused(practice.Value, remittance, RemittanceOutcome.PossibleDuplicate,
                    [$"payer {remittance.PayerId} trace {remittance.TraceNumber} was already posted from '{state.State.SourceFile}' with different content: possibly the same payment twice; nothing was posted. Check with the payer before posting it by hand."],
                    state.State.SourceFile);
            }

            if (state.State.Report is { } report)
            {
                return report with { Outcome = RemittanceOutcome.AlreadyPosted };
            }
        }

        var violations = new Violations();
        var transaction = remittance.ToDomain(violations);
        var problems = violations.Any ? violations.Items : RemittanceBalancing.Check(transaction);
        if (problems.Count > 0)
        {
            return RemittanceReports.Refused(practice.Value, remittance, RemittanceOutcome.Rejected, problems.Select(p => p.ToString()));
        }

        state.State.ContentHash = hash;
        state.State.SourceFile = remittance.SourceFile;
        await state.WriteStateAsync();

        await RecordRemittanceAsync(practice, remittance, transaction, by);
        var results = await PostClaimsAsync(practice, remittance, Enumerable.Range(0, remittance.Claims.Length), by);
        return await CompleteAsync(practice, remittance, transaction, results);
    }

    public async Task<RemittanceReport> PostUnapplied(string user)
    {
        var by = Users.Check(user);
        if (state.State is not { Report: not null, Submission: { } remittance })
        {
            throw new NotFoundException("Remittance", this.GetPrimaryKeyString());
        }

        var (practice, _) = PracticeScopedKey.Parse(this.GetPrimaryKeyString(), "remittance");
        var pending = Enumerable.Range(0, remittance.Claims.Length).Where(i => !state.State.Results[i].Posted).ToArray();
        var retried = await PostClaimsAsync(practice, remittance, pending, by);
        var results = state.State.Results.Select((r, i) => r.Posted ? r : retried[i]).ToArray();
        return await CompleteAsync(practice, remittance, remittance.ToDomain(new Violations()), results);
    }

    private async Task<RemittanceReport> CompleteAsync(PracticeId practice, RemittanceSubmission remittance, RemittanceTransaction transaction, ClaimRemittanceResult[] results)
    {
        var underpayments = await FindUnderpaymentsAsync(practice, transaction, results);
        state.State.Submission = remittance;
        state.State.Results = results;
        state.State.Report = RemittanceReports.Posted(practice.Value, remittance, results, underpayments);
        await state.WriteStateAsync();

        // After the report is saved: a retry of the file answers from it, and this sync is repeated by PostUnapplied.
        var entries = RemittanceWorklist.Entries(remittance, results, underpayments, clock.Today);
        await worklists.SyncAsync(practice.Value, RemittanceWorklist.Scope(remittance), entries, entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal), clock.GetUtcNow());
        return state.State.Report;
    }

    /// <summary>Posts the claim payments at <paramref name="indexes"/>; the results array has a slot for every claim payment.</summary>
    private async Task<ClaimRemittanceResult[]> PostClaimsAsync(PracticeId practice, RemittanceSubmission remittance, IEnumerable<int> indexes, string by)
    {
        // Different claims post in parallel; one claim's payments (a reversal, then its correction)
        // post one after the other, in file order.
        var results = new ClaimRemittanceResult[remittance.Claims.Length];
        var perClaim = indexes
            .GroupBy(i => remittance.Claims[i].PatientControlNumber, StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .ToArray();
        foreach (var chunk in perClaim.Chunk(ClaimsInFlight))
        {
            await Task.WhenAll(chunk.Select(async indexes =>
            {
                var held = false;
                foreach (var i in indexes)
                {
                    // A correction posted after a reversal that could not be posted would pay the
                    // claim twice; it waits, unapplied, until the reversal can post.
                    results[i] = held
                        ? ClaimRemittanceResults.NotPosted("held: the reversal before it in this remittance could not be posted; post the original payment, then the unapplied payments")
                        : await PostClaimAsync(practice, remittance, i, by);
                    held |= remittance.Claims[i].Status == "22" && !results[i].Posted;
                }
            }));
        }

        return results;
    }

    private async Task<ClaimRemittanceResult> PostClaimAsync(PracticeId practice, RemittanceSubmission remittance, int index, string by)
    {
        var payment = remittance.Claims[index];
        return payment.Status switch
        {
            "23" => ClaimRemittanceResults.NotPosted("the payer says it is not its claim (CLP02 23)"),
            "25" => ClaimRemittanceResults.NotPosted("predetermination only (CLP02 25): no payment to post"),
            _ => await GrainFactory.GetGrain<IClaimGrain>(PracticeScopedKey.Of(practice.Value, payment.PatientControlNumber)).PostRemittance(
                new ClaimRemittance(ClaimPostingId(remittance, index), remittance.PayerId, remittance.PaymentDate, payment, by)),
        };
    }

    /// <summary>Records the payment the remittance announces and its provider-level adjustments, once, before any claim posts.</summary>
    private async Task RecordRemittanceAsync(PracticeId practice, RemittanceSubmission remittance, RemittanceTransaction transaction, string by)
    {
        var claimIds = remittance.Claims.Select(c => c.PatientControlNumber).ToHashSet(StringComparer.Ordinal);
        var byPayerNumber = remittance.Claims.Where(c => c.PayerClaimControlNumber is not null)
            .GroupBy(c => c.PayerClaimControlNumber!).ToDictionary(g => g.Key, g => g.First().PatientControlNumber, StringComparer.Ordinal);
        var postingId = PostingId.Derived("era", remittance.PayerId, remittance.TraceNumber, "advice");
        var posting = RemittancePosting.Of(
            new PostingContext(postingId, clock.GetUtcNow(), by),
            transaction,
            remittance.PaymentMethod,
            reference => reference is null ? null : claimIds.Contains(reference) ? reference : byPayerNumber.GetValueOrDefault(reference));
        var stream = LedgerStreams.Remittance(practice, transaction.PayerId, transaction.TraceNumber);
        var result = await store.AppendAsync(practice, transaction.PayerId, transaction.TraceNumber, posting, Fingerprint.OfDerived(stream, postingId.Value));
        if (result.Status is AppendStatus.PostingIdTaken or AppendStatus.VersionConflict && result.Existing?.StreamId != stream)
        {
            throw new ConflictException($"Remittance {remittance.PayerId}/{remittance.TraceNumber} could not be recorded ({result.Status}); send the file again.");
        }
    }

    private async Task<ImmutableArray<Underpayment>> FindUnderpaymentsAsync(PracticeId practice, RemittanceTransaction transaction, ClaimRemittanceResult[] results)
    {
        var view = await GrainFactory.GetGrain<IPracticeGrain>(practice.Value).GetFeeSchedule(transaction.PayerId.Value);
        if (view.Rates.IsEmpty)
        {
            return [];
        }

        var schedule = view.ToSchedule();
        return [.. transaction.Claims
            .Where((_, i) => results[i].Posted && !results[i].Reversal)
            .SelectMany(claim => claim.Services
                // A line allowed nothing is a denial (sent with AMT*B6*0), worked as one. A line allowed
                // something but paid nothing (all of it to the deductible) can still be allowed too little.
                .Where(s => s.Allowed is { IsZero: false })
                .Select(s => (Claim: claim, Service: s, Expected: schedule.ExpectedAllowed(s.Code, s.Modifiers) is { } rate ? Money.Of(decimal.Round(rate.Amount * s.Units, 2)) : (Money?)null))
                .Where(x => x.Expected is { } expected && x.Service.Allowed!.Value < expected)
                .Select(x => new Underpayment(x.Claim.ClaimId.Value, x.Service.Code.Value, x.Service.Allowed!.Value.Amount, x.Expected!.Value.Amount)))];
    }

    /// <summary>The deterministic posting id of a claim payment: payer, trace and its place in the transaction.</summary>
    private static string ClaimPostingId(RemittanceSubmission remittance, int index) => $"era:{remittance.PayerId}:{remittance.TraceNumber}:{index + 1}";
}
