using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Remittances;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Claims;

/// <summary>Posting one 835 claim payment to the claim it pays.</summary>
public sealed partial class Claim
{
    /// <summary>
    /// Which of the claim's parties a payer is. Its payer id decides when exactly one coverage
    /// carries it; otherwise (both do — two plans of one payer — or neither does, since many 835s
    /// identify the payer only by TRN03) how the payer says it processed the claim; a reversal
    /// belongs to whoever was last paid, and a denial to the first payer billed.
    /// </summary>
    public ResponsibleParty? PartyOf(PayerId payer, ClaimPaymentStatus status)
    {
        var primary = Details.Primary?.PayerId == payer;
        var secondary = Details.Secondary?.PayerId == payer;
        if (primary != secondary)
        {
            return primary ? ResponsibleParty.Primary : ResponsibleParty.Secondary;
        }

        if (status.ProcessedAs() is { } processedAs)
        {
            return Details.Has(processedAs) ? processedAs : null;
        }

        return status switch
        {
            ClaimPaymentStatus.Reversal => _postings.LastOrDefault(p => p.Operation == ClaimOperation.PayerPayment)?.Entries
                .FirstOrDefault(e => e.Kind == EntryKind.PayerPayment)?.Party,
            ClaimPaymentStatus.Denied when Details.Primary is not null => ResponsibleParty.Primary,
            _ => null,
        };
    }

    /// <summary>
    /// Posts an 835 claim payment: each service to the line it matches (or at claim level when none
    /// does, so no money is dropped), CO/OA/PI written off, PR moved on, denials and remarks kept.
    /// A reversal (CLP02 = 22) cancels the earlier payment it repeats.
    /// </summary>
    public ClaimPosting PostRemittance(PostingContext context, PayerId payer, DateOnly paymentDate, RemittanceClaim remittance)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(remittance);
        var party = PartyOf(payer, remittance.Status)
            ?? throw new RuleViolationException($"Remittance for {Name}",
                [new RuleViolation("payer", $"payer '{payer}' is neither the primary nor the secondary payer of {Name}")]);
        if (remittance.Status == ClaimPaymentStatus.Reversal)
        {
            return ReverseRemittance(context, party, paymentDate, remittance);
        }

        var matches = ServiceLineMatcher.Match(Details.Lines, remittance.Services);
        var lines = remittance.Services
            .Select((service, i) => (Service: service, Line: matches[i]))
            .Where(m => m.Line is not null)
            .GroupBy(m => m.Line!.Value)
            .Select(g => new LinePayment(g.Key, Money.Sum(g.Select(m => m.Service.Paid)), [.. g.SelectMany(m => m.Service.Adjustments)]))
            .ToImmutableArray();
        var unmatched = remittance.Services.Where((_, i) => matches[i] is null).ToArray();
        // CLP04 is what was paid; whatever the matched lines' SVC03 do not account for (unmatched
        // services, claim-level reductions) is paid at claim level, so the payment totals CLP04.
        var claimLevelPaid = remittance.Paid - Money.Sum(lines.Select(l => l.Paid));
        var command = new PayerPaymentCommand(
            party,
            paymentDate,
            lines,
            [.. remittance.Adjustments, .. unmatched.SelectMany(s => s.Adjustments)],
            remittance.PayerClaimControlNumber,
            unmatched.Length == 0 ? null : $"{unmatched.Length} service(s) matched no line: {string.Join(", ", unmatched.Select(s => s.Code))}")
        {
            ClaimLevelPaid = claimLevelPaid,
            Denied = remittance.Status == ClaimPaymentStatus.Denied,
            StatusFromPayer = true,
            Remarks = [.. remittance.Remarks, .. remittance.Services.SelectMany(s => s.Remarks)],
            ForwardedTo = remittance.Status.IsForwarded() ? remittance.CrossoverPayer ?? "next payer" : null,
        };
        return PostPayerPayment(context, command);
    }

    /// <summary>
    /// A CLP02 = 22 claim repeats an earlier payment with negated amounts: the payment it exactly
    /// cancels — same party, same amount paid, the same payer claim number (CLP07) preferred, the
    /// latest first — is reversed entry by entry, and history keeps both.
    /// </summary>
    private ClaimPosting ReverseRemittance(PostingContext context, ResponsibleParty party, DateOnly paymentDate, RemittanceClaim reversal)
    {
        var candidates = _postings
            .Where(p => p.Operation == ClaimOperation.PayerPayment
                && p.Entries.Any(e => e.Kind == EntryKind.PayerPayment && e.Party == party)
                && p.Entries.All(e => !IsReversed(e.EntryId))
                && p.Amount(EntryKind.PayerPayment) == -reversal.Paid)
            .ToArray();
        var original = candidates.LastOrDefault(p => reversal.PayerClaimControlNumber is not null && p.PayerClaimControlNumber == reversal.PayerClaimControlNumber)
            ?? candidates.LastOrDefault()
            ?? throw new RuleViolationException($"Remittance reversal for {Name}",
                [new RuleViolation("status", $"no earlier payment of {-reversal.Paid} by the {party.ToString().ToLowerInvariant()} payer is on {Name} to reverse")]);
        return Reverse(context, new ReverseCommand(original.PostingId.Value, paymentDate, $"payer reversal (CLP02 22) of {original.PostingId}"));
    }
}
