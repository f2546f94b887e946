using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Tests.Codes;

public class AdjustmentReasonTest
{
    [Theory]
    [InlineData("45")] // charge exceeds fee schedule / maximum allowable
    [InlineData("1")] // deductible
    [InlineData("2")] // coinsurance
    [InlineData("253")] // sequestration
    [InlineData("A1")] // claim/service denied
    [InlineData("B7")] // provider not certified for this procedure on this date
    [InlineData("P12")] // workers' compensation jurisdictional fee schedule adjustment
    public void Real_CARC_codes_are_accepted(string raw) =>
        Assert.True(AdjustmentReason.TryParse(raw, out var reason, out _) && reason.Value == raw);

    [Fact]
    public void Lower_case_letters_are_normalized() =>
        Assert.Equal("A1", AdjustmentReason.TryParse(" a1 ", out var reason, out _) ? reason.ToString() : null);

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("CO45")] // group code glued to the reason
    [InlineData("A")]
    [InlineData("N130")] // a remark code, not a reason
    public void Malformed_reasons_are_rejected(string raw)
    {
        Assert.False(AdjustmentReason.TryParse(raw, out _, out var error));
        Assert.Contains("CARC", error, StringComparison.Ordinal);
    }
}
