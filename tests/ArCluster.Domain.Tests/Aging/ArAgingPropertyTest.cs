using ArCluster.Domain.Aging;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Practices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ArCluster.Domain.Tests.Aging;

/// <summary>
/// Any practice's open claims — credits, self-pay, secondary payers, visits dated after the report,
/// either aging basis — age into buckets that add up to total AR to the cent, and every row adds up
/// across its buckets: an aging report a supervisor can foot.
/// </summary>
public class ArAgingPropertyTest
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly Gen<long> Cents = Gen.Frequency(
        (3, Gen.Constant(0L)),
        (6, Gen.Choose(1, 5_000_000).Select(c => (long)c)),
        (1, Gen.Choose(-200_000, -1).Select(c => (long)c)));

    private static readonly Gen<ClaimBalance> Claims =
        from n in Gen.Choose(0, 1_000_000)
        from served in Gen.Choose(-400, 30)
        from billedAfter in Gen.Choose(0, 60)
        from primaryPayer in Gen.Elements<string?>(ArAgingTest.Medicare, ArAgingTest.Commercial, null)
        from secondaryPayer in Gen.Elements<string?>(ArAgingTest.Medicaid, null)
        from primary in Cents
        from secondary in Cents
        from patient in Cents
        select new ClaimBalance(
            $"C{n}", $"A{n % 50}", AsOf.AddDays(served), AsOf.AddDays(served + billedAfter), primaryPayer, secondaryPayer,
            new PartyBalances(Money.FromCents(primary), Money.FromCents(secondary), Money.FromCents(patient)));

    private static readonly Gen<(ClaimBalance[] Claims, long Credit, AgingBasis Basis)> Practices =
        from count in Gen.Choose(0, 120)
        from claims in Gen.ArrayOf(Claims, count)
        from credit in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(-100_000, 0)))
        from basis in Gen.Elements(AgingBasis.DateOfService, AgingBasis.Submission)
        select (claims, (long)credit, basis);

    [Property(MaxTest = 500)]
    public Property Buckets_sum_to_total_ar_to_the_cent_for_any_open_claims()
    {
        return Prop.ForAll(Practices.ToArbitrary(), practice =>
        {
            var credit = Money.FromCents(practice.Credit);
            var aging = ArAging.Of(practice.Claims, AsOf, practice.Basis, credit);

            var ledgerAr = Money.Sum(practice.Claims.Select(c => c.Balances.Total)) + credit;
            var rows = aging.Payers.Append(aging.Patient).ToArray();
            var columns = Enumerable.Range(0, AgingBuckets.Count).All(b => aging.BucketTotals[b] == Money.Sum(rows.Select(r => r.Buckets[b])));
            var credits = Money.FromCents(practice.Claims.Sum(c =>
                Math.Min(0, c.Balances.Primary.Cents) + Math.Min(0, c.Balances.Secondary.Cents) + Math.Min(0, c.Balances.Patient.Cents)));
            return (Money.Sum(aging.BucketTotals) + aging.UnappliedPatientCredit == ledgerAr)
                .And(aging.TotalAr == ledgerAr)
                .And(Money.Sum(rows.Select(r => r.Total)) == aging.ClaimsTotal)
                .And(columns)
                .And(aging.ClaimsByBucket.Sum() == aging.OpenClaims)
                .And(aging.OpenClaims == practice.Claims.Count(c => !c.IsClosed))
                .And(aging.CreditBalances == credits)
                .Label($"AR {ledgerAr}, aged {aging.TotalAr}, buckets {string.Join(" ", aging.BucketTotals)}");
        });
    }
}
