using ArCluster.Domain.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ArCluster.Domain.Tests.Identifiers;

public class NpiTest
{
    [Theory]
    [InlineData("1234567893")] // the CMS worked example
    [InlineData("1245319599")]
    [InlineData("1679576722")]
    public void Real_NPIs_are_accepted(string raw) =>
        Assert.True(Npi.TryParse(raw, out var npi, out _) && npi.Value == raw);

    [Fact]
    public void A_wrong_check_digit_is_rejected_with_the_expected_digit()
    {
        Assert.False(Npi.TryParse("1234567890", out _, out var error));
        Assert.Contains("expected last digit 3", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("12345678933")]
    [InlineData("12345A7893")]
    public void Anything_but_ten_digits_is_rejected(string raw)
    {
        Assert.False(Npi.TryParse(raw, out _, out var error));
        Assert.Contains("exactly 10 digits", error, StringComparison.Ordinal);
    }

    [Property(MaxTest = 2000)]
    public Property Exactly_one_check_digit_makes_a_valid_NPI()
    {
        var firstNine = Gen.Choose(0, 999_999_999).Select(n => n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture));
        return Prop.ForAll(firstNine.ToArbitrary(), prefix =>
            Enumerable.Range(0, 10).Count(d => Npi.TryParse(prefix + d, out _, out _)) == 1);
    }
}
