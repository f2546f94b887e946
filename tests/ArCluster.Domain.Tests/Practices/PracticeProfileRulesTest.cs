using ArCluster.Domain.Practices;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Tests.Practices;

public class PracticeProfileRulesTest
{
    private static PracticeProfileInput Valid() => new(
        "riverside", "Riverside Family Medicine", "1234567893", "12-3456789",
        [new PracticePayerInput("00431", "Medicare Part B", PayerKind.Medicare, 365),
         new PracticePayerInput("87726", "UnitedHealthcare", PayerKind.Commercial, 90)],
        AgingBasis.DateOfService);

    [Fact]
    public void A_valid_registration_is_normalized()
    {
        var profile = PracticeProfileRules.Validate(Valid() with { Name = "  Riverside Family Medicine " });

        Assert.Equal("riverside", profile.PracticeId.Value);
        Assert.Equal("Riverside Family Medicine", profile.Name);
        Assert.Equal("123456789", profile.TaxId.Value);
        Assert.Equal(90, profile.Payers[1].TimelyFilingDays);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once_with_its_field()
    {
        var input = Valid() with
        {
            Npi = "1234567890",
            TaxId = "12",
            Name = "",
            Payers = [new PracticePayerInput("00431", "Medicare", PayerKind.Medicare, 0),
                      new PracticePayerInput("00431", "Duplicate", PayerKind.Medicare, 365)],
        };

        var error = Assert.Throws<RuleViolationException>(() => PracticeProfileRules.Validate(input));

        var fields = error.Violations.Select(v => v.Field).ToArray();
        Assert.Equal(["name", "npi", "taxId", "payers[0].timelyFilingDays", "payers[1].payerId"], fields);
        Assert.Contains("expected last digit 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("listed more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timely_filing_limits_are_per_payer_and_bounded()
    {
        var tooLong = Valid() with { Payers = [new PracticePayerInput("00431", "Medicare", PayerKind.Medicare, 3651)] };

        var error = Assert.Throws<RuleViolationException>(() => PracticeProfileRules.Validate(tooLong));
        Assert.Equal("payers[0].timelyFilingDays", Assert.Single(error.Violations).Field);
    }
}
