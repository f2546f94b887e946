using ArCluster.Domain.Claims;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Tests.TestData;
using ArCluster.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Claims;

/// <summary>Random claims meet random sequences of postings, valid or not; the ledger must hold after each.</summary>
public class ClaimPropertyTest
{
    private static Claim Open(ClaimInput input) => Claim.FromHistory([Claim.Open(ClaimRules.Validate(input, PracticePayers, Today), Context("C100-open"))]);

    private static PostingContext Step(int index) => Context($"OP-{index + 1}");

    /// <summary>Runs a scenario as a grain would: decide, and apply only what was not rejected.</summary>
    private static Claim Run(ClaimScenario scenario, Action<int, ClaimSnapshot, ClaimPosting?, Claim>? afterApplied = null, Action<int, RuleViolationException, Claim>? afterRejected = null)
    {
        var claim = Open(scenario.Input);
        for (var i = 0; i < scenario.Operations.Length; i++)
        {
            var before = ClaimSnapshot.Of(claim);
            ClaimPosting? posting;
            try
            {
                posting = scenario.Operations[i].Decide(claim, Step(i));
            }
            catch (RuleViolationException rejected)
            {
                afterRejected?.Invoke(i, rejected, claim);
                continue;
            }

            if (posting is not null)
            {
                claim.Apply(posting);
            }

            afterApplied?.Invoke(i, before, posting, claim);
        }

        return claim;
    }

    [Property(MaxTest = 1500)]
    public Property After_every_posting_charges_less_payments_and_adjustments_equal_the_balance_and_a_restart_agrees()
    {
        return Prop.ForAll(ClaimGenerators.Scenario.ToArbitrary(), scenario =>
        {
            var claim = Open(scenario.Input);
            ClaimChecks.AssertBalanced(claim);
            for (var i = 0; i < scenario.Operations.Length; i++)
            {
                var operation = scenario.Operations[i];
                var before = ClaimSnapshot.Of(claim);
                var restarted = Claim.FromHistory(claim.Postings);
                ClaimPosting? posting;
                try
                {
                    posting = operation.Decide(claim, Step(i));
                }
                catch (RuleViolationException)
                {
                    Assert.Equal(before, ClaimSnapshot.Of(claim));
                    Assert.Throws<RuleViolationException>(() => operation.Decide(restarted, Step(i)));
                    continue;
                }

                Assert.Equal(before, ClaimSnapshot.Of(claim));
                if (posting is null)
                {
                    Assert.Null(operation.Decide(restarted, Step(i)));
                    continue;
                }

                // A grain reactivated from the journal decides exactly the same posting.
                ClaimChecks.AssertSameDecision(posting, operation.Decide(restarted, Step(i)));
                claim.Apply(posting);
                ClaimChecks.AssertBalanced(claim);
                ClaimChecks.AssertReplays(claim);
            }
        });
    }

    [Property(MaxTest = 1000)]
    public Property Rejected_postings_leave_the_claim_exactly_as_it_was_and_say_why()
    {
        return Prop.ForAll(ClaimGenerators.Scenario.ToArbitrary(), scenario =>
        {
            var claim = Open(scenario.Input);
            for (var i = 0; i < scenario.Operations.Length; i++)
            {
                var before = ClaimSnapshot.Of(claim);
                var postingsBefore = claim.Postings.ToArray();
                try
                {
                    if (scenario.Operations[i].Decide(claim, Step(i)) is { } posting)
                    {
                        claim.Apply(posting);
                    }
                }
                catch (RuleViolationException rejected)
                {
                    Assert.Equal(before, ClaimSnapshot.Of(claim));
                    Assert.Equal(postingsBefore, claim.Postings);
                    Assert.Null(claim.Find($"OP-{i + 1}"));
                    Assert.NotEmpty(rejected.Violations);
                    Assert.All(rejected.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Field) || string.IsNullOrWhiteSpace(v.Message)));
                    Assert.Contains($"'OP-{i + 1}' on claim 'C100'", rejected.Message, StringComparison.Ordinal);
                }
            }

            // Replaying only what was applied gives the same claim: the rejected ones left no trace.
            Assert.Equal(ClaimSnapshot.Of(claim), ClaimSnapshot.Of(Claim.FromHistory(claim.Postings)));
        });
    }

    [Property(MaxTest = 1000)]
    public Property Adjustments_write_offs_transfers_and_patient_payments_never_turn_what_a_party_owes_into_a_credit()
    {
        return Prop.ForAll(ClaimGenerators.Scenario.ToArbitrary(), scenario =>
            Run(scenario, afterApplied: (i, before, posting, claim) =>
            {
                (ResponsibleParty Party, bool Reduces)? moved = scenario.Operations[i] switch
                {
                    AdjustmentOp { Cents: > 0 } a => (a.Party, true),
                    WriteOffOp w => (w.Party, true),
                    TransferOp t => (t.From, true),
                    PatientPaymentOp => (ResponsibleParty.Patient, true),
                    RefundOp r => (r.Party, false),
                    _ => null,
                };
                if (moved is { } m && posting is not null)
                {
                    var was = before.Balances[m.Party];
                    var now = claim.Balances[m.Party];
                    if (m.Reduces)
                    {
                        Assert.True(now >= Money.Min(was, Money.Zero), $"{scenario.Operations[i]} took the {m.Party} from {was} to {now}");
                    }
                    else
                    {
                        Assert.True(now <= Money.Max(was, Money.Zero), $"{scenario.Operations[i]} took the {m.Party} from {was} to {now}");
                    }
                }
            }));
    }

    [Property(MaxTest = 1000)]
    public Property A_reversal_and_its_correction_net_to_exactly_the_corrected_payment()
    {
        var gen =
            from input in ClaimGenerators.InsuredClaim
            from original in Remittance(input.Lines.Count)
            from corrected in Remittance(input.Lines.Count)
            select (Input: input, Original: original, Corrected: corrected);

        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var claim = Open(c.Input);
            var reference = Open(c.Input);

            var original = claim.Post(c.Original.Decide(claim, Context("ERA-100-CLP-1")));
            var reversal = claim.Post(claim.Reverse(Context("ERA-200-CLP-1R"), new ReverseCommand(original.PostingId.Value, Today, "CLP02=22")));
            var correction = claim.Post(c.Corrected.Decide(claim, Context("ERA-200-CLP-2")));
            var onlyCorrection = reference.Post(c.Corrected.Decide(reference, Context("ERA-200-CLP-2")));

            // Nets to exactly the corrected payment ...
            Assert.Equal(reference.Balances, claim.Balances);
            Assert.Equal(reference.LineBalancesText(), claim.LineBalancesText());
            Assert.Equal(reference.Totals, claim.Totals);
            Assert.Equal(reference.Status, claim.Status);
            Assert.Equal(onlyCorrection.Amount(EntryKind.PayerPayment), claim.Totals.PayerPayments);
            Assert.Equal(onlyCorrection.Entries.Select(e => (e.Kind, e.Amount, e.Party, e.ToParty, e.LineNumber, e.Group, e.Reason)),
                correction.Entries.Select(e => (e.Kind, e.Amount, e.Party, e.ToParty, e.LineNumber, e.Group, e.Reason)));

            // ... and both are kept: the original untouched, every one of its entries cancelled once.
            Assert.Equal([ClaimOperation.Open, ClaimOperation.PayerPayment, ClaimOperation.Reversal, ClaimOperation.PayerPayment],
                claim.Postings.Select(p => p.Operation));
            Assert.Same(original, claim.Find("ERA-100-CLP-1"));
            Assert.Equal(original.Entries.Select(e => e.EntryId), reversal.Entries.Select(e => e.Reverses));
            Assert.Equal(original.Entries.Select(e => e.Amount), reversal.Entries.Select(e => e.Amount));
            ClaimChecks.AssertBalanced(claim);
            ClaimChecks.AssertReplays(claim);
        });
    }

    [Property(MaxTest = 500)]
    public Property A_posting_id_seen_before_finds_the_original_and_is_never_applied_twice()
    {
        var gen =
            from scenario in ClaimGenerators.Scenario
            from pick in Gen.Choose(0, 1_000)
            select (Scenario: scenario, Pick: pick);

        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var applied = new List<int>();
            var claim = Run(c.Scenario, afterApplied: (i, _, posting, _) =>
            {
                if (posting is not null)
                {
                    applied.Add(i);
                }
            });
            if (applied.Count == 0)
            {
                return;
            }

            var index = applied[c.Pick % applied.Count];
            var postingId = $"OP-{index + 1}";
            var original = claim.Find(postingId);
            Assert.NotNull(original);
            Assert.Same(claim.Postings.Single(p => p.PostingId.Value == postingId), original);

            // A retry decided again under the same id (the grain would return the original instead)
            // can never be applied on top of it.
            var before = ClaimSnapshot.Of(claim);
            ClaimPosting? retry;
            try
            {
                retry = c.Scenario.Operations[index].Decide(claim, Step(index));
            }
            catch (RuleViolationException)
            {
                retry = null;
            }

            if (retry is not null)
            {
                Assert.Throws<InvalidOperationException>(() => claim.Apply(retry));
            }

            Assert.Equal(before, ClaimSnapshot.Of(claim));
            Assert.Same(original, claim.Find(postingId));
        });
    }

    [Fact]
    public void The_generated_histories_reach_every_kind_of_posting_and_every_adjudicated_status()
    {
        var applied = new HashSet<Type>();
        var statuses = new HashSet<ClaimStatus>();
        var rejected = 0;
        var credits = 0;
        foreach (var scenario in Enumerable.Range(0, 400).Select(seed => Gen.Sample(ClaimGenerators.Scenario, 50, new Rnd(20250630UL + (ulong)seed), 1)[0]))
        {
            Run(scenario,
                afterApplied: (i, _, posting, claim) =>
                {
                    if (posting is not null)
                    {
                        applied.Add(scenario.Operations[i].GetType());
                        statuses.Add(claim.Status);
                        credits += claim.Balances.Primary.IsNegative || claim.Balances.Patient.IsNegative ? 1 : 0;
                    }
                },
                afterRejected: (_, _, _) => rejected++);
        }

        Assert.Equal(
            [typeof(AdjustmentOp), typeof(PatientPaymentOp), typeof(PayerPaymentOp), typeof(RefundOp), typeof(ReverseOp), typeof(StatusOp), typeof(TransferOp), typeof(WriteOffOp)],
            applied.OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.Superset(new HashSet<ClaimStatus> { ClaimStatus.Paid, ClaimStatus.PartiallyPaid, ClaimStatus.Denied, ClaimStatus.Closed, ClaimStatus.Submitted }, statuses);
        Assert.True(rejected > 400, $"only {rejected} rejected operations");
        Assert.True(credits > 40, $"only {credits} postings left a credit to refund");
    }

    /// <summary>A payer payment that posts: some of the claim's lines, each once, at least one paid something.</summary>
    private static Gen<PayerPaymentOp> Remittance(int lineCount) =>
        from lines in Gen.SubListOf(Enumerable.Range(1, lineCount)).Where(l => l.Count > 0)
        from specs in Gen.CollectToArray(lines, line =>
            from spec in ClaimGenerators.PayerLine
            select spec with { Line = line, PaidPercent = Math.Max(spec.PaidPercent, 1), PaidCents = Math.Max(spec.PaidCents, 1) })
        from claimAdjustments in Gen.Frequency((4, Gen.Constant(Array.Empty<CasSpec>())), (1, Gen.ArrayOf(ClaimGenerators.Cas, 1)))
        select new PayerPaymentOp(ResponsibleParty.Primary, [.. specs], [.. claimAdjustments]);
}
