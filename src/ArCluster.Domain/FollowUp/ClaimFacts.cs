using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.FollowUp;

/// <summary>What follow-up needs to know of a claim's history: when it went to each payer and when each answered.</summary>
internal sealed record ClaimFacts(
    ResponsibleParty? InsuranceParty,
    DateOnly SubmittedOn,
    DateOnly LastSentOn,
    DateOnly? AppealedOn,
    ImmutableArray<(ResponsibleParty Party, DateOnly On)> Responses,
    DenialFact? Denial)
{
    public static ClaimFacts Of(Claim claim)
    {
        var postings = claim.Postings;
        var openedOn = DateOf(postings[0].PostedAt);
        DateOnly? submittedOn = null;
        var lastSentOn = openedOn;
        DateOnly? appealedOn = null;
        var responses = ImmutableArray.CreateBuilder<(ResponsibleParty, DateOnly)>();
        DenialFact? denial = null;
        foreach (var posting in postings.Skip(1))
        {
            var on = DateOf(posting.PostedAt);
            switch (posting.Operation)
            {
                case ClaimOperation.StatusChange when posting.Status == ClaimStatus.Submitted:
                    submittedOn ??= on;
                    lastSentOn = on;
                    break;
                case ClaimOperation.StatusChange when posting.Status == ClaimStatus.Appealed:
                    appealedOn = on;
                    lastSentOn = on;
                    break;
                case ClaimOperation.PayerPayment:
                    var party = PayerOf(posting);
                    responses.Add((party, on));
                    denial = posting.Status == ClaimStatus.Denied ? DenialFact.Of(posting, party, on) : null;
                    break;
            }
        }

        var balances = claim.Balances;
        ResponsibleParty? insurance = balances.Primary.IsPositive ? ResponsibleParty.Primary
            : balances.Secondary.IsPositive ? ResponsibleParty.Secondary
            : null;
        return new ClaimFacts(insurance, submittedOn ?? openedOn, lastSentOn, appealedOn, responses.ToImmutable(), denial);
    }

    /// <summary>
    /// When the claim went to <paramref name="party"/>: the last submission or appeal; a secondary
    /// gets it when the primary has answered (crossover or our own billing right after).
    /// </summary>
    public DateOnly SentTo(ResponsibleParty party)
    {
        if (party == ResponsibleParty.Primary)
        {
            return LastSentOn;
        }

        var primaryAnswered = Responses.Where(r => r.Party == ResponsibleParty.Primary).Select(r => r.On).DefaultIfEmpty(LastSentOn).Max();
        return primaryAnswered > LastSentOn ? primaryAnswered : LastSentOn;
    }

    public bool RespondedSince(ResponsibleParty party, DateOnly since) => Responses.Any(r => r.Party == party && r.On >= since);

    public bool EverResponded(ResponsibleParty party) => Responses.Any(r => r.Party == party);

    private static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The payer party whose decision a payer posting records: the party of its payments and adjustments.</summary>
    private static ResponsibleParty PayerOf(ClaimPosting posting) =>
        posting.Entries.Where(e => e.Kind is EntryKind.PayerPayment or EntryKind.Adjustment or EntryKind.Transfer && e.Party != ResponsibleParty.Patient)
            .Select(e => (ResponsibleParty?)e.Party).FirstOrDefault() ?? ResponsibleParty.Primary;
}

/// <summary>A payer's denial: who denied, when it was posted, and the codes a biller works it by.</summary>
internal sealed record DenialFact(ResponsibleParty Party, DateOnly On, string Reason, string? Remarks, Money Denied)
{
    public static DenialFact Of(ClaimPosting posting, ResponsibleParty party, DateOnly on)
    {
        var main = posting.Entries.Where(e => e.Kind == EntryKind.Adjustment && e.Group is not null && e.Reason is not null)
            .OrderByDescending(e => e.Amount).FirstOrDefault();
        var reason = main is null ? "denied (no adjustment reason given)" : $"{main.Group}-{main.Reason!.Value.Value}";
        var remarks = posting.Remarks.IsDefaultOrEmpty ? null : "remarks " + string.Join(", ", posting.Remarks.Select(r => r.Value));
        var denied = Money.Sum(posting.Entries.Where(e => e.Kind == EntryKind.Adjustment && e.Party == party).Select(e => e.Amount));
        return new DenialFact(party, on, reason, remarks, denied);
    }
}
