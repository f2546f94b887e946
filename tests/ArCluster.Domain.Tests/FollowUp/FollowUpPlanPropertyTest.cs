using System.Collections.Frozen;
using ArCluster.Domain.Claims;
using ArCluster.Domain.FollowUp;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Practices;
using ArCluster.Domain.Tests.TestData;
using ArCluster.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.FollowUp;

/// <summary>
/// Whatever happened to a claim, its reminder is never armed past an event, a repeated or late tick
/// raises each event once, and only a denial or an appeal is worked once nothing is owed.
/// </summary>
public class FollowUpPlanPropertyTest
{
    private static readonly FollowUpSettings Settings = new(
        new[] { Medicare, Commercial, Medicaid }
            .Select((id, i) => new PracticePayer(PayerId.TryParse(id, out var p, out _) ? p : throw new ArgumentException(id), id, (PayerKind)i, 90 + (i * 90)))
            .ToFrozenDictionary(p => p.PayerId.Value, StringComparer.Ordinal),
        AgingBasis.DateOfService,
        FollowUpPolicy.Default);

    private static Claim Replay(ClaimScenario scenario)
    {
        var claim = Claim.FromHistory([Claim.Open(ClaimRules.Validate(scenario.Input, PracticePayers, Today), Context("C100-open"))]);
        for (var i = 0; i < scenario.Operations.Length; i++)
        {
            try
            {
                if (scenario.Operations[i].Decide(claim, Context($"OP-{i + 1}")) is { } posting)
                {
                    claim.Apply(posting);
                }
            }
            catch (RuleViolationException)
            {
                // A refused operation leaves the claim as it was, as in a grain.
            }
        }

        return claim;
    }

    [Property(MaxTest = 500)]
    public Property Ticking_on_any_days_in_any_order_raises_every_event_once_on_or_after_its_day_and_arms_for_the_next()
    {
        var days = Gen.Choose(-60, 400).ArrayOf().Select(a => a.Select(d => Today.AddDays(d)).ToArray());
        return Prop.ForAll(ClaimGenerators.Scenario.ToArbitrary(), days.ToArbitrary(), (scenario, ticks) =>
        {
            var claim = Replay(scenario);
            var plan = FollowUpSchedule.For(claim, Settings);
            Assert.Equal(plan.Events.Length, plan.Events.Select(e => e.Key).Distinct().Count());
            if (!claim.Balances.Total.IsPositive && claim.Status is not (ClaimStatus.Denied or ClaimStatus.Appealed))
            {
                Assert.Empty(plan.Events);
            }

            foreach (var day in ticks)
            {
                var raised = plan.RaisedBy(day);
                var next = plan.NextDueAfter(day);
                Assert.All(raised, e => Assert.True(e.DueOn <= day));
                Assert.All(plan.Events.Except(raised), e => Assert.True(next is { } n && n <= e.DueOn));
                Assert.Subset(raised.Select(e => e.Key).ToHashSet(), plan.OpenKeys(day).ToHashSet());
                Assert.Equal(plan.OpenKeys(day).Count, raised.Select(e => e.Kind).Distinct().Count());
            }
        });
    }
}
