using ArCluster.Domain.Practices;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Tests.Practices;

/// <summary>The bank accounts a practice's deposits arrive in, as registration checks them.</summary>
public class DepositAccountRulesTest
{
    private static PracticeProfileInput With(params string?[] accounts) => new(
        "riverside", "Riverside Family Medicine", "1234567893", "12-3456789",
        [new PracticePayerInput("00431", "Medicare Part B", PayerKind.Medicare, 365)],
        AgingBasis.DateOfService,
        accounts);

    [Fact]
    public void A_practice_without_deposit_accounts_has_none()
    {
        var profile = PracticeProfileRules.Validate(With() with { DepositAccounts = null });

        Assert.Empty(profile.DepositAccounts);
    }

    [Fact]
    public void Deposit_accounts_are_stored_trimmed_and_sorted()
    {
        var profile = PracticeProfileRules.Validate(With(" 987654321 ", "000123456789", "5555"));

        Assert.Equal(["000123456789", "5555", "987654321"], profile.DepositAccounts.Select(a => a.Value));
    }

    [Fact]
    public void The_same_accounts_in_another_order_are_the_same_profile()
    {
        var first = PracticeProfileRules.Validate(With("987654321", "000123456789"));
        var second = PracticeProfileRules.Validate(With("000123456789", " 987654321"));

        Assert.Equal(first.DepositAccounts.AsEnumerable(), second.DepositAccounts.AsEnumerable());
    }

    [Fact]
    public void A_malformed_account_is_named_by_its_index_with_what_an_account_number_is()
    {
        var error = Assert.Throws<RuleViolationException>(() => PracticeProfileRules.Validate(With("000123456789", "12-AB", "123")));

        Assert.Equal(
            ["depositAccounts[1]: '12-AB' is not a bank account number: 4 to 17 digits",
             "depositAccounts[2]: '123' is not a bank account number: 4 to 17 digits"],
            error.Violations.Select(v => v.ToString()));
    }

    [Fact]
    public void An_account_listed_twice_is_refused_without_repeating_the_number()
    {
        var error = Assert.Throws<RuleViolationException>(() => PracticeProfileRules.Validate(With("000123456789", "5555", " 000123456789")));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("depositAccounts[2]: is listed more than once (also depositAccounts[0])", violation.ToString());
        Assert.DoesNotContain("123456789", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_account_entry_is_refused_with_the_other_broken_rules()
    {
        var input = With("000123456789", null) with { Npi = "1234567890" };

        var error = Assert.Throws<RuleViolationException>(() => PracticeProfileRules.Validate(input));

        Assert.Equal(["npi", "depositAccounts[1]"], error.Violations.Select(v => v.Field));
    }
}
