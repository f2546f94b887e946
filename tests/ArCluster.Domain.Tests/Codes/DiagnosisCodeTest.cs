using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Tests.Codes;

public class DiagnosisCodeTest
{
    [Theory]
    [InlineData("E11.9", "E119")] // type 2 diabetes without complications
    [InlineData("E119", "E119")] // as X12 HI carries it
    [InlineData("S52.521A", "S52521A")] // torus fracture of right radius, initial encounter: 7 characters
    [InlineData("I10", "I10")] // essential hypertension: a 3-character category
    [InlineData("Z00.00", "Z0000")]
    [InlineData("C4A.9", "C4A9")] // Merkel cell carcinoma: letter in the third position
    [InlineData("u07.1", "U071")] // COVID-19, a billable code since April 2020
    [InlineData("U09.9", "U099")] // post COVID-19 condition
    public void Real_ICD10CM_codes_are_accepted_with_or_without_the_dot(string raw, string stored)
    {
        Assert.True(DiagnosisCode.TryParse(raw, out var code, out var error), error);
        Assert.Equal(stored, code.Value);
    }

    [Theory]
    [InlineData("E119", "E11.9")]
    [InlineData("S52521A", "S52.521A")]
    [InlineData("I10", "I10")]
    public void Codes_display_with_the_dot_after_the_category(string raw, string display)
    {
        Assert.True(DiagnosisCode.TryParse(raw, out var code, out _));
        Assert.Equal(display, code.Display);
        Assert.Equal(display, code.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("E1")] // too short
    [InlineData("E11.")] // dot with nothing after it
    [InlineData("E1.19")] // dot in the wrong place
    [InlineData("E11.9.1")]
    [InlineData("S52.521AB")] // 8 characters
    [InlineData("250.00")] // an ICD-9 code
    [InlineData("1E11")]
    [InlineData("EE11")] // second character must be a digit
    public void Malformed_diagnoses_are_rejected_with_examples(string raw)
    {
        Assert.False(DiagnosisCode.TryParse(raw, out _, out var error));
        Assert.Contains("ICD-10-CM", error, StringComparison.Ordinal);
        Assert.Contains("S52.521A", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_code_with_or_without_the_dot_is_the_same_diagnosis()
    {
        Assert.True(DiagnosisCode.TryParse("E11.9", out var dotted, out _));
        Assert.True(DiagnosisCode.TryParse("e119", out var bare, out _));
        Assert.Equal(dotted, bare);
    }
}
