using ArCluster.Domain.Aging;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Practices;

namespace ArCluster.Domain.Tests.Aging;

public class ArAgingTest
{
    internal const string Medicare = "00431";
    internal const string Medicaid = "SKCA0";
    internal const string Commercial = "87726";

    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public void Insurance_balances_age_under_their_payer_and_patient_balances_on_the_patient_row()
    {
        var claims = new[]
        {
            // Medicare primary, Medicaid secondary (crossover), served 10 days ago.
            Claim("C1", AsOf.AddDays(-10), Medicare, Medicaid, primary: 80.00m, secondary: 20.00m, patient: 0m),
            // Commercial, served 45 days ago, coinsurance with the patient.
            Claim("C2", AsOf.AddDays(-45), Commercial, null, primary: 100.00m, secondary: 0m, patient: 25.50m),
            // Medicare again, 200 days old.
            Claim("C3", AsOf.AddDays(-200), Medicare, null, primary: 12.34m, secondary: 0m, patient: 5.00m),
        };

        var aging = ArAging.Of(claims, AsOf, AgingBasis.DateOfService, Money.Zero);

        Assert.Equal([Medicare, Commercial, Medicaid], aging.Payers.Select(p => p.PayerId));
        var medicare = aging.Payers.Single(p => p.PayerId == Medicare);
        Assert.Equal(Money.Of(80.00m), medicare[AgingBucket.Days0To30]);
        Assert.Equal(Money.Of(12.34m), medicare[AgingBucket.Over120]);
        Assert.Equal(2, medicare.Claims);
        Assert.Equal(Money.Of(20.00m), aging.Payers.Single(p => p.PayerId == Medicaid)[AgingBucket.Days0To30]);
        Assert.Equal(Money.Of(100.00m), aging.Payers.Single(p => p.PayerId == Commercial)[AgingBucket.Days31To60]);
        Assert.Equal(Money.Of(25.50m), aging.Patient[AgingBucket.Days31To60]);
        Assert.Equal(Money.Of(5.00m), aging.Patient[AgingBucket.Over120]);
        Assert.Equal([Money.Of(100.00m), Money.Of(125.50m), Money.Zero, Money.Zero, Money.Of(17.34m)], aging.BucketTotals.ToArray());
        Assert.Equal([1, 1, 0, 0, 1], aging.ClaimsByBucket.ToArray());
        Assert.Equal(3, aging.OpenClaims);
        Assert.Equal(Money.Of(242.84m), aging.TotalAr);
    }

    [Fact]
    public void A_credit_balance_stays_in_its_claims_bucket_and_is_also_reported_on_its_own()
    {
        var claims = new[]
        {
            Claim("C1", AsOf.AddDays(-70), Commercial, null, primary: -15.00m, secondary: 0m, patient: 40.00m),
            Claim("C2", AsOf.AddDays(-70), Commercial, null, primary: 60.00m, secondary: 0m, patient: -5.00m),
        };

        var aging = ArAging.Of(claims, AsOf, AgingBasis.DateOfService, Money.Zero);

        Assert.Equal(Money.Of(45.00m), aging.Payers.Single()[AgingBucket.Days61To90]);
        Assert.Equal(Money.Of(35.00m), aging.Patient[AgingBucket.Days61To90]);
        Assert.Equal(Money.Of(80.00m), aging.TotalAr);
        Assert.Equal(Money.Of(-20.00m), aging.CreditBalances);
    }

    [Fact]
    public void Submission_basis_ages_from_the_billed_on_date()
    {
        var claim = Claim("C1", AsOf.AddDays(-100), Commercial, null, primary: 50m, secondary: 0m, patient: 0m) with { BilledOn = AsOf.AddDays(-40) };

        var byService = ArAging.Of([claim], AsOf, AgingBasis.DateOfService, Money.Zero);
        var bySubmission = ArAging.Of([claim], AsOf, AgingBasis.Submission, Money.Zero);

        Assert.Equal(Money.Of(50m), byService.Payers.Single()[AgingBucket.Days91To120]);
        Assert.Equal(Money.Of(50m), bySubmission.Payers.Single()[AgingBucket.Days31To60]);
    }

    [Fact]
    public void Closed_claims_are_not_in_the_aging_and_unapplied_credit_is_part_of_total_ar()
    {
        var claims = new[]
        {
            Claim("C1", AsOf.AddDays(-5), Commercial, null, primary: 0m, secondary: 0m, patient: 0m),
            Claim("C2", AsOf.AddDays(-5), Commercial, null, primary: 0m, secondary: 0m, patient: 30m),
        };

        var aging = ArAging.Of(claims, AsOf, AgingBasis.DateOfService, Money.Of(-12.50m));

        Assert.Empty(aging.Payers);
        Assert.Equal(1, aging.OpenClaims);
        Assert.Equal(Money.Of(30m), aging.ClaimsTotal);
        Assert.Equal(Money.Of(17.50m), aging.TotalAr);
    }

    internal static ClaimBalance Claim(string id, DateOnly served, string? primaryPayer, string? secondaryPayer, decimal primary, decimal secondary, decimal patient) =>
        new(id, "A1", served, served.AddDays(2), primaryPayer, secondaryPayer, new PartyBalances(Money.Of(primary), Money.Of(secondary), Money.Of(patient)));
}
