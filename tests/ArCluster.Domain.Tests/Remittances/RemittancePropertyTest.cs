using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Remittances;
using ArCluster.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Remittances;

/// <summary>
/// Random balanced 835 claim payments against the claims they pay: whatever the split of CO, PR,
/// claim-level reductions, and whether the payer sends line control numbers, the claim's ledger
/// says exactly what the 835 says.
/// </summary>
public class RemittancePropertyTest
{
    private static readonly string[] Codes = ["99213", "99214", "36415", "85025", "93000"];

    private sealed record LineAdjudication(decimal Charge, decimal Contractual, decimal Patient, bool SendsControlNumber);

    private sealed record Scenario(ImmutableArray<LineAdjudication> Lines, decimal ClaimLevelReduction);

    private static readonly Gen<Scenario> Scenarios =
        from count in Gen.Choose(1, 4)
        from lines in Gen.ListOf(Line, count)
        from reductionShare in Gen.Choose(0, 100)
        from reduce in Gen.Elements(true, false, false)
        let paid = lines.Sum(l => l.Charge - l.Contractual - l.Patient)
        select new Scenario([.. lines], reduce ? decimal.Round(paid * reductionShare / 100m, 2) : 0m);

    private static Gen<LineAdjudication> Line =>
        from chargeCents in Gen.Choose(100, 500_000)
        from coShare in Gen.Choose(0, 100)
        from prShare in Gen.Choose(0, 100)
        from sends in Gen.Elements(true, false)
        let charge = chargeCents / 100m
        let co = decimal.Round(charge * coShare / 100m, 2)
        let pr = decimal.Round((charge - co) * prShare / 100m, 2)
        select new LineAdjudication(charge, co, pr, sends);

    [Property(MaxTest = 1500)]
    public Property A_posted_claim_payment_equals_the_835_to_the_cent()
    {
        return Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
        {
            var builder = new ClaimBuilder();
            for (var i = 0; i < scenario.Lines.Length; i++)
            {
                builder.Line(scenario.Lines[i].Charge, Codes[i], lineControlNumber: $"L{i + 1}");
            }

            var claim = builder.Open();
            var services = scenario.Lines.Select((l, i) => new RemittanceService(
                Code(Codes[i]), [], null, Usd(l.Charge), Usd(l.Charge - l.Contractual - l.Patient), claim.Details.Lines[i].ServiceDate,
                l.SendsControlNumber ? $"L{i + 1}" : null, null,
                [new AdjustmentAmount(AdjustmentGroup.CO, Reason("45"), Usd(l.Contractual)), new AdjustmentAmount(AdjustmentGroup.PR, Reason("2"), Usd(l.Patient))],
                [])).ToImmutableArray();
            var charge = scenario.Lines.Sum(l => l.Charge);
            var paid = services.Sum(s => s.Paid.Amount) - scenario.ClaimLevelReduction;
            var remittance = new RemittanceClaim(
                claim.Details.ClaimId, ClaimPaymentStatus.ProcessedAsPrimary, Usd(charge), Usd(paid), null, "PCN",
                scenario.ClaimLevelReduction == 0m ? [] : [new AdjustmentAmount(AdjustmentGroup.CO, Reason("A2"), Usd(scenario.ClaimLevelReduction))],
                services, [], null);
            Assert.Empty(RemittanceBalancing.Check(new RemittanceTransaction(Payer, "T1", Usd(paid), Today, [remittance], [])));

            claim.Apply(claim.PostRemittance(Context("ERA-1"), Payer, Today, remittance));

            Assert.Equal(Usd(paid), claim.Totals.PayerPayments);
            Assert.Equal(Usd(scenario.Lines.Sum(l => l.Contractual) + scenario.ClaimLevelReduction), claim.Totals.Adjustments);
            Assert.Equal(new PartyBalances(Money.Zero, Money.Zero, Usd(scenario.Lines.Sum(l => l.Patient))), claim.Balances);
            Assert.Equal(claim.Totals.Balance, claim.Balances.Total);
            for (var i = 0; i < scenario.Lines.Length; i++)
            {
                Assert.Equal(Usd(scenario.Lines[i].Patient), claim.LineBalance(i + 1).Patient);
            }
        });
    }

    private static readonly PayerId Payer = PayerId.TryParse(Medicare, out var id, out _) ? id : default;

    private static ProcedureCode Code(string raw) => ProcedureCode.TryParse(raw, out var code, out var error) ? code : throw new ArgumentException(error);

    private static AdjustmentReason Reason(string raw) => AdjustmentReason.TryParse(raw, out var reason, out var error) ? reason : throw new ArgumentException(error);
}
