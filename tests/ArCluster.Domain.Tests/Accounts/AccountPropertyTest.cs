using ArCluster.Domain.Accounts;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Tests.TestData;
using ArCluster.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Accounts;

/// <summary>Random patient payments, refunds and returned checks on an account with a few claims.</summary>
public class AccountPropertyTest
{
    private enum Step
    {
        Pay,
        PayOneClaim,
        Refund,
        TakeBack,
    }

    private sealed record AccountScenario(ClaimInput[] Claims, (Step Step, int Cents, int Pick)[] Steps)
    {
        public override string ToString() =>
            $"{Claims.Length} claims ({string.Join(", ", Claims.Select(c => $"{c.Lines.Count} lines, {(c.Primary is null ? "self-pay" : "insured")}"))}): "
            + string.Join("; ", Steps.Select(s => $"{s.Step} {Money.FromCents(s.Cents)} #{s.Pick}"));
    }

    private static Gen<AccountScenario> Scenarios =>
        from claimCount in Gen.Choose(1, 3)
        from claims in Gen.ArrayOf(ClaimGenerators.ValidClaim, claimCount)
        from stepCount in Gen.Choose(1, 15)
        from steps in Gen.ArrayOf(
            from step in Gen.Frequency((5, Gen.Constant(Step.Pay)), (2, Gen.Constant(Step.PayOneClaim)), (2, Gen.Constant(Step.Refund)), (2, Gen.Constant(Step.TakeBack)))
            from cents in Gen.Choose(1, 300_000)
            from pick in Gen.Choose(0, 100)
            select (step, cents, pick),
            stepCount)
        select new AccountScenario([.. claims.Select((c, i) => c with { ClaimId = $"C{i + 1}" })], steps);

    /// <summary>Claims as posted before the patient pays: insured ones adjudicated with a patient share.</summary>
    private static Claim[] OpenClaims(Account account, AccountScenario scenario) =>
        [.. scenario.Claims.Select(input =>
        {
            var claim = account.Attach(Claim.FromHistory([Claim.Open(ClaimRules.Validate(input, PracticePayers, Today), Context($"{input.ClaimId}-open"))]));
            if (claim.Details.Primary is not null)
            {
                claim.Post(claim.PostPayerPayment(Context($"{input.ClaimId}-era"), Eob(ResponsibleParty.Primary,
                    [.. claim.Details.Lines.Select(l => PaidSixtyCoinsuranceTwenty(l.LineNumber, l.Charge))],
                    [])));
                if (claim.Details.Secondary is not null)
                {
                    claim.Post(claim.Transfer(Context($"{input.ClaimId}-to-patient"), new TransferCommand(ResponsibleParty.Secondary, ResponsibleParty.Patient, null, null, Today, null)));
                }
            }

            return claim;
        })];

    private static LinePayment PaidSixtyCoinsuranceTwenty(int line, Money charge)
    {
        var paid = Money.FromCents(charge.Cents * 60 / 100);
        var coinsurance = Money.FromCents(charge.Cents * 20 / 100);
        return new LinePayment(line, paid, [
            new AdjustmentAmount(AdjustmentGroup.CO, Carc("45"), charge - paid - coinsurance),
            new AdjustmentAmount(AdjustmentGroup.PR, Carc("2"), coinsurance)]);
    }

    [Property(MaxTest = 500)]
    public Property Every_patient_dollar_is_on_a_claim_or_in_credit_and_a_returned_check_undoes_it_exactly()
    {
        return Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
        {
            var account = AccountBuilder.Open();
            var claims = OpenClaims(account, scenario);
            var owedAtStart = claims.Select(c => c.Balances.Patient).ToArray();
            var payments = new List<string>();
            for (var i = 0; i < scenario.Steps.Length; i++)
            {
                var (step, cents, pick) = scenario.Steps[i];
                var version = account.Version;
                try
                {
                    switch (step)
                    {
                        case Step.Pay or Step.PayOneClaim:
                            var target = step == Step.PayOneClaim ? claims[pick % claims.Length].Details.ClaimId : (ClaimId?)null;
                            account.Pay(claims, $"PAY-{i}", AccountBuilder.Receipt(cents / 100m, target));
                            payments.Add($"PAY-{i}");
                            break;
                        case Step.Refund:
                            account.Post(account.Refund(Context($"RF-{i}"), Money.FromCents(Math.Min(cents, Math.Max(account.Credit.Cents, 1) * (pick % 2 == 0 ? 1 : 2))), Today, null));
                            break;
                        case Step.TakeBack when payments.Count > 0:
                            account.TakeBack(claims, payments[pick % payments.Count], $"NSF-{i}");
                            break;
                    }
                }
                catch (RuleViolationException)
                {
                    Assert.Equal(version, account.Version);
                }

                var live = account.Payments.Where(p => !p.Reversed).ToArray();
                Assert.True(account.Credit >= Money.Zero);
                Assert.Equal(account.Totals.PatientPayments - account.Totals.Refunds, account.Credit);
                Assert.All(account.Payments, p => Assert.Equal(p.Receipt.Amount, p.Applied + p.CreditPortion));
                Assert.Equal(
                    Money.Sum(live.Select(p => p.Receipt.Amount)),
                    Money.Sum(claims.Select(c => c.Totals.PatientPayments)) + account.Totals.PatientPayments);
                for (var c = 0; c < claims.Length; c++)
                {
                    Assert.True(claims[c].Balances.Patient >= Money.Zero, $"claim {claims[c].Details.ClaimId} was overpaid: {claims[c].Balances.Patient}");
                    Assert.Equal(owedAtStart[c] - claims[c].Totals.PatientPayments, claims[c].Balances.Patient);
                    ClaimChecks.AssertBalanced(claims[c]);
                }

                var replayed = Account.FromHistory(account.Postings);
                Assert.Equal((account.Version, account.Credit, account.Totals), (replayed.Version, replayed.Credit, replayed.Totals));
            }
        });
    }
}
