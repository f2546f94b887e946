using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Tests.Codes;

public class RemarkCodeTest
{
    [Theory]
    [InlineData("N130")] // consult plan benefit documents
    [InlineData("MA01")] // appeal rights notice
    [InlineData("MA130")] // incomplete or invalid information
    [InlineData("M15")] // separately billed services have been bundled
    [InlineData("N386")] // NCD-based decision
    public void Real_RARC_codes_are_accepted(string raw) =>
        Assert.True(RemarkCode.TryParse(raw, out var remark, out _) && remark.Value == raw);

    [Fact]
    public void Lower_case_is_normalized() => Assert.Equal("N130", RemarkCode.TryParse("n130", out var remark, out _) ? remark.ToString() : null);

    [Theory]
    [InlineData("")]
    [InlineData("45")] // a CARC, not a remark
    [InlineData("X130")]
    [InlineData("N1301")]
    [InlineData("MB01")]
    public void Only_M_MA_and_N_series_are_remarks(string raw)
    {
        Assert.False(RemarkCode.TryParse(raw, out _, out var error));
        Assert.Contains("RARC", error, StringComparison.Ordinal);
    }
}
