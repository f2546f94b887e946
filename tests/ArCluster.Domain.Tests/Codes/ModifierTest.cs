using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Tests.Codes;

public class ModifierTest
{
    [Theory]
    [InlineData("25")] // significant, separately identifiable E/M
    [InlineData("59")] // distinct procedural service
    [InlineData("LT")] // left side
    [InlineData("GT")] // telehealth (legacy)
    [InlineData("XU")] // unusual non-overlapping service
    public void Real_modifiers_are_accepted(string raw) => Assert.True(Modifier.TryParse(raw, out var modifier, out _) && modifier.Value == raw);

    [Fact]
    public void Lower_case_modifiers_are_normalized() =>
        Assert.Equal("RT", Modifier.TryParse("rt", out var modifier, out _) ? modifier.ToString() : null);

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("591")]
    [InlineData("-2")]
    [InlineData("L T")]
    public void Modifiers_are_exactly_two_letters_or_digits(string raw)
    {
        Assert.False(Modifier.TryParse(raw, out _, out var error));
        Assert.Contains("two letters or digits", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_carries_at_most_four_modifiers_as_SV1_allows() => Assert.Equal(4, Modifier.MaxPerLine);
}
