using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Tests.Codes;

public class ProcedureCodeTest
{
    [Theory]
    [InlineData("99213")] // CPT category I: established patient office visit
    [InlineData("36415")] // routine venipuncture
    [InlineData("G0439")] // HCPCS level II: annual wellness visit, subsequent
    [InlineData("J1885")] // HCPCS level II drug: ketorolac injection
    [InlineData("0001F")] // CPT category II performance measure
    [InlineData("0042T")] // CPT category III emerging technology
    [InlineData("0001U")] // CPT proprietary laboratory analysis
    public void Real_CPT_and_HCPCS_codes_are_accepted(string raw)
    {
        Assert.True(ProcedureCode.TryParse(raw, out var code, out var error), error);
        Assert.Equal(raw, code.Value);
    }

    [Fact]
    public void Codes_are_upper_cased_and_trimmed_as_X12_carries_them()
    {
        Assert.True(ProcedureCode.TryParse(" g0439 ", out var code, out _));
        Assert.Equal("G0439", code.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("9921")] // four digits
    [InlineData("992134")] // six digits
    [InlineData("0001X")] // category letter that does not exist
    [InlineData("GG439")] // two letters
    [InlineData("99213-25")] // modifier glued to the code
    [InlineData("E11.9")] // a diagnosis in the procedure field
    public void Anything_but_a_CPT_or_HCPCS_shape_is_rejected_with_examples(string? raw)
    {
        Assert.False(ProcedureCode.TryParse(raw, out _, out var error));
        Assert.Contains("99213", error, StringComparison.Ordinal);
        Assert.Contains("G0439", error, StringComparison.Ordinal);
    }
}
