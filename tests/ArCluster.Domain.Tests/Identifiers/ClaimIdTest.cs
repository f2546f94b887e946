using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Tests.Identifiers;

public class ClaimIdTest
{
    [Theory]
    [InlineData("C100")]
    [InlineData("26403774A.1")]
    [InlineData("PCN_2025-000017")]
    public void Patient_control_numbers_are_accepted(string raw) => Assert.True(ClaimId.TryParse(raw, out var id, out _) && id.Value == raw);

    [Fact]
    public void The_X12_limit_of_38_characters_holds()
    {
        Assert.True(ClaimId.TryParse(new string('7', ClaimId.MaxLength), out _, out _));
        Assert.False(ClaimId.TryParse(new string('7', ClaimId.MaxLength + 1), out _, out var error));
        Assert.Contains("1 to 38", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-C100")]
    [InlineData("C100*1")] // an X12 element separator would corrupt the 837
    [InlineData("C100~")]
    [InlineData("C 100")]
    public void Control_numbers_that_would_break_X12_or_grain_keys_are_rejected(string raw) =>
        Assert.False(ClaimId.TryParse(raw, out _, out _));
}
