using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Remittances;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Claims;

/// <summary>Posting one 835 claim payment to the claim it pays.</summary>
public sealed partial class Claim
{
    /// <summary>Which of the claim's parties a payer is: by its payer id, else by how it says it processed the claim.</summary>
    public ResponsibleParty? PartyOf(PayerId payer, ClaimPaymentStatus status)
    {
        if (Details.Primary?.PayerId == payer)
        {
            return ResponsibleParty.Primary;
        }

        if (Details.Secondary?.PayerId == payer)
        {
            return ResponsibleParty.Secondary;
        }

        return status.ProcessedAs() is { } party && Details.Has(party) ? party : null;
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
            return ReverseRemittance(context, payer, paymentDate, remittance);
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
            Remarks = [.. remittance.Remarks, .. remittance.Services.SelectMany(s => s.Remarks)],
            ForwardedTo = remittance.Status.IsForwarded() ? remittance.CrossoverPayer ?? "next payer" : null,
        };
        return PostPayerPayment(context, command);
    }

    /// <summary>
    /// A CLP02 = 22 claim repeats an earlier payment with negated amounts: the latest payment from
    /// this payer that it exactly cancels is reversed, entry by entry, and history keeps both.
    /// </summary>
    private ClaimPosting ReverseRemittance(PostingContext context, PayerId payer, DateOnly paymentDate, RemittanceClaim reversal)
    {
        var original = _postings
            .Where(p => p.Operation == ClaimOperation.PayerPayment
                && p.Entries.Any(e => e.PayerId == payer.Value)
                && p.Entries.All(e => !_reversed.Contains(e.EntryId))
                && p.Amount(EntryKind.PayerPayment) == -reversal.Paid)
            .LastOrDefault()
            ?? throw new RuleViolationException($"Remittance reversal for {Name}",
                [new RuleViolation("status", $"no earlier payment of {-reversal.Paid} from payer '{payer}' is on {Name} to reverse")]);
        return Reverse(context, new ReverseCommand(original.PostingId.Value, paymentDate, $"payer reversal (CLP02 22) of {original.PostingId}"));
    }
}
