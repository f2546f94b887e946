using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.FollowUp;

/// <summary>
/// What follow-up needs to know of a claim's history: when it went to each payer and when each
/// answered. Moments are compared by their place in the claim's history, not by date, so an
/// appeal sent the day its denial was posted still waits for an answer.
/// </summary>
internal sealed record ClaimFacts(
    ResponsibleParty? InsuranceParty,
    DateOnly SubmittedOn,
    Moment LastSent,
    DateOnly? AppealedOn,
    ImmutableArray<(ResponsibleParty Party, Moment At)> Responses,
    DenialFact? Denial)
{
    public static ClaimFacts Of(Claim claim)
    {
        var postings = claim.Postings;
        var opened = new Moment(DateOf(postings[0].PostedAt), postings[0].Version);
        DateOnly? submittedOn = null;
        var lastSent = opened;
        DateOnly? appealedOn = null;
        var responses = ImmutableArray.CreateBuilder<(ResponsibleParty, Moment)>();
        DenialFact? denial = null;
        foreach (var posting in postings.Skip(1))
        {
            var at = new Moment(DateOf(posting.PostedAt), posting.Version);
            switch (posting.Operation)
            {
                case ClaimOperation.StatusChange when posting.Status == ClaimStatus.Submitted:
                    submittedOn ??= at.On;
                    lastSent = at;
                    break;
                case ClaimOperation.StatusChange when posting.Status == ClaimStatus.Appealed:
                    appealedOn = at.On;
                    lastSent = at;
                    break;
                case ClaimOperation.PayerPayment:
                    var party = PayerOf(posting);
                    responses.Add((party, at));
                    // The appeal window runs from the remittance's date, not the day it was posted here.
                    denial = posting.Status == ClaimStatus.Denied ? DenialFact.Of(posting, party, posting.Entries.IsEmpty ? at.On : posting.Entries[0].EffectiveDate) : null;
                    break;
            }
        }

        var balances = claim.Balances;
        ResponsibleParty? insurance = balances.Primary.IsPositive ? ResponsibleParty.Primary
            : balances.Secondary.IsPositive ? ResponsibleParty.Secondary
            : null;
        return new ClaimFacts(insurance, submittedOn ?? opened.On, lastSent, appealedOn, responses.ToImmutable(), denial);
    }

    /// <summary>
    /// When the claim went to <paramref name="party"/>: the last submission or appeal; a secondary
    /// gets it when the primary has answered (crossover or our own billing right after).
    /// </summary>
    public Moment SentTo(ResponsibleParty party)
    {
        if (party == ResponsibleParty.Primary)
        {
            return LastSent;
        }

        var primaryAnswered = Responses.Where(r => r.Party == ResponsibleParty.Primary).Select(r => r.At).DefaultIfEmpty(LastSent).Max();
        return primaryAnswered > LastSent ? primaryAnswered : LastSent;
    }

    public bool RespondedSince(ResponsibleParty party, Moment sent) => Responses.Any(r => r.Party == party && r.At > sent);

    public bool EverResponded(ResponsibleParty party) => Responses.Any(r => r.Party == party);

    private static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The payer party whose decision a payer posting records: the party of its payments and adjustments.</summary>
    private static ResponsibleParty PayerOf(ClaimPosting posting) =>
        posting.Entries.Where(e => e.Kind is EntryKind.PayerPayment or EntryKind.Adjustment or EntryKind.Transfer && e.Party != ResponsibleParty.Patient)
            .Select(e => (ResponsibleParty?)e.Party).FirstOrDefault() ?? ResponsibleParty.Primary;
}

/// <summary>A point in a claim's history: the day, and the claim version that orders postings within it.</summary>
internal readonly record struct Moment(DateOnly On, long Version) : IComparable<Moment>
{
    public int CompareTo(Moment other) => Version.CompareTo(other.Version);

    public static bool operator >(Moment left, Moment right) => left.CompareTo(right) > 0;

    public static bool operator <(Moment left, Moment right) => left.CompareTo(right) < 0;

    public static bool operator >=(Moment left, Moment right) => left.CompareTo(right) >= 0;

    public static bool operator <=(Moment left, Moment right) => left.CompareTo(right) <= 0;
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
