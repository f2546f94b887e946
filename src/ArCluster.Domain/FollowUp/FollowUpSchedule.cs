using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Practices;
using ArCluster.Domain.Worklists;

namespace ArCluster.Domain.FollowUp;

/// <summary>
/// Works out a claim's follow-up from its ledger and the practice's settings: no answer from the
/// payer within the follow-up window, the balance still open as it ages past 31/61/91/121 days, the
/// payer's timely-filing limit coming and going with no sign the payer has the claim, and a denial
/// with its appeal deadline. A claim nobody owes anything on has nothing to follow up.
/// Every event's key is derived from the claim and the event, so it is raised once however often
/// it is asked for.
/// </summary>
public static class FollowUpSchedule
{
    public static FollowUpPlan For(Claim claim, FollowUpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(settings);
        var facts = ClaimFacts.Of(claim);
        var events = ImmutableArray.CreateBuilder<WorklistEntry>();
        if (claim.Balances.Total.IsPositive && facts.InsuranceParty is { } party)
        {
            // Patient balances are worked by statements, not by payer follow-up.
            AddBalanceEvents(events, claim, facts, party, settings);
        }

        // An appeal is chased for an answer even when the denial took the balance to zero.
        var chased = claim.Balances.Total.IsPositive && facts.InsuranceParty is { } owing ? owing
            : claim.Status == ClaimStatus.Appealed ? facts.Denial?.Party ?? ResponsibleParty.Primary
            : (ResponsibleParty?)null;
        if (chased is { } payerParty && claim.Status != ClaimStatus.Corrected && !facts.RespondedSince(payerParty, facts.SentTo(payerParty)))
        {
            var sentOn = facts.SentTo(payerParty).On;
            var window = settings.Policy.FollowUpWindowDays;
            var amount = Money.Max(claim.Balances[payerParty], facts.Denial?.Denied ?? Money.Zero);
            events.Add(Entry(claim, payerParty, amount, $"noresponse/{Slug(payerParty)}/{sentOn:yyyy-MM-dd}", WorklistKind.FollowUp, sentOn.AddDays(window),
                $"no response from the {Describe(payerParty)} {window} days after it was {(facts.AppealedOn == sentOn && facts.LastSent == facts.SentTo(payerParty) ? "appealed" : "billed")} on {sentOn:yyyy-MM-dd}"));
        }

        if (claim.Status == ClaimStatus.Denied && facts.Denial is { } denial)
        {
            // A denial is worked even when its adjustment took the balance to zero: until it is
            // appealed, corrected or accepted, that money is lost.
            AddDenialEvents(events, claim, denial, settings);
        }

        return new FollowUpPlan(events.ToImmutable());
    }

    private static void AddBalanceEvents(ImmutableArray<WorklistEntry>.Builder events, Claim claim, ClaimFacts facts, ResponsibleParty party, FollowUpSettings settings)
    {
        var owed = claim.Balances[party];
        var payer = claim.Details.CoverageOf(party) is { } coverage ? settings.Payers.GetValueOrDefault(coverage.PayerId.Value) : null;
        var policy = settings.Policy;
        var bySubmission = settings.AgingBasis == AgingBasis.Submission;
        var basis = bySubmission ? facts.SubmittedOn : claim.Details.FirstServiceDate;
        foreach (var days in policy.AgingThresholds)
        {
            events.Add(Entry(claim, party, owed, $"aging/{days}", WorklistKind.FollowUp, basis.AddDays(days),
                $"{Describe(party)} balance {owed} still open {days}+ days after {(bySubmission ? "submission" : "the date of service")}"));
        }

        if (payer is not null && !facts.EverResponded(party))
        {
            // Until a 277CA acceptance is recorded, only an adjudication proves the payer has the claim.
            var serviceDate = claim.Details.FirstServiceDate;
            var deadline = serviceDate.AddDays(payer.TimelyFilingDays);
            var warnOn = deadline.AddDays(-policy.TimelyFilingWarningDays);
            events.Add(Entry(claim, party, owed, $"timely/{Slug(party)}/warn", WorklistKind.TimelyFiling, warnOn < serviceDate ? serviceDate : warnOn,
                $"{payer.Name}'s timely-filing limit of {payer.TimelyFilingDays} days ends {deadline:yyyy-MM-dd} and the payer has not answered", deadline));
            events.Add(Entry(claim, party, owed, $"timely/{Slug(party)}/missed", WorklistKind.TimelyFiling, deadline.AddDays(1),
                $"{payer.Name}'s timely-filing limit passed on {deadline:yyyy-MM-dd} with no answer: expect a CO-29 denial", deadline, escalated: true));
        }
    }

    private static void AddDenialEvents(ImmutableArray<WorklistEntry>.Builder events, Claim claim, DenialFact denial, FollowUpSettings settings)
    {
        var kind = claim.Details.CoverageOf(denial.Party) is { } coverage && settings.Payers.TryGetValue(coverage.PayerId.Value, out var payer) ? payer.Kind : PayerKind.Other;
        var window = FollowUpPolicy.AppealWindowDays(kind);
        var deadline = denial.On.AddDays(window);
        var key = $"denial/{denial.On:yyyy-MM-dd}";
        var amount = Money.Max(denial.Denied, claim.Balances[denial.Party]);
        events.Add(Entry(claim, denial.Party, amount, key, WorklistKind.Denial, denial.On, denial.Reason, deadline) with { Detail = denial.Remarks });
        events.Add(Entry(claim, denial.Party, amount, $"{key}/appeal-due", WorklistKind.Denial, deadline.AddDays(-settings.Policy.AppealWarningDays), denial.Reason, deadline, escalated: true)
            with { Detail = $"the {window}-day appeal window closes {deadline:yyyy-MM-dd}" });
        events.Add(Entry(claim, denial.Party, amount, $"{key}/appeal-missed", WorklistKind.Denial, deadline.AddDays(1), denial.Reason, deadline, escalated: true)
            with { Detail = $"the {window}-day appeal window closed {deadline:yyyy-MM-dd}: correct and resubmit, or accept the denial" });
    }

    private static WorklistEntry Entry(Claim claim, ResponsibleParty party, Money amount, string key, WorklistKind kind, DateOnly due, string reason, DateOnly? deadline = null, bool escalated = false)
    {
        var id = claim.Details.ClaimId.Value;
        return new WorklistEntry($"{id}/{key}", kind, id, claim.Details.AccountId.Value, claim.Details.CoverageOf(party)?.PayerId.Value, amount, reason, due, deadline)
        {
            Escalated = escalated,
        };
    }

    private static string Describe(ResponsibleParty party) => party == ResponsibleParty.Primary ? "primary payer" : "secondary payer";

    private static string Slug(ResponsibleParty party) => party == ResponsibleParty.Primary ? "primary" : "secondary";
}
