using ArCluster.Domain.Accounts;
using ArCluster.Domain.Validation;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Accounts;

public class AccountRulesTest
{
    private static AccountInput Valid() => new("riverside", "A-1001", new PersonInput("Maria", "Lopez", new DateOnly(1961, 3, 14)), null);

    [Fact]
    public void Without_a_guarantor_the_patient_is_their_own()
    {
        var details = AccountRules.Validate(Valid(), Today);

        Assert.Same(details.Patient, details.Guarantor);
        Assert.Equal("A-1001", details.AccountId.Value);
    }

    [Fact]
    public void Every_broken_field_is_reported_and_no_PHI_is_echoed()
    {
        var input = Valid() with
        {
            AccountId = "",
            Patient = new PersonInput("Maria*", "", Today.AddDays(1)),
            Guarantor = new PersonInput("Jo~", "Lopez", new DateOnly(1850, 1, 1)),
        };

        var error = Assert.Throws<RuleViolationException>(() => AccountRules.Validate(input, Today));

        Assert.Equal(
            ["accountId", "patient.firstName", "patient.lastName", "patient.dateOfBirth", "guarantor.firstName", "guarantor.dateOfBirth"],
            error.Violations.Select(v => v.Field));
        Assert.DoesNotContain("1850", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_never_prints_their_name_into_a_log() =>
        Assert.DoesNotContain("Lopez", AccountRules.Validate(Valid(), Today).Patient.ToString(), StringComparison.Ordinal);
}
