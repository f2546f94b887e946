using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Tests.Codes;

public class AdjustmentGroupTest
{
    [Theory]
    [InlineData("CO", AdjustmentGroup.CO)]
    [InlineData("PR", AdjustmentGroup.PR)]
    [InlineData("OA", AdjustmentGroup.OA)]
    [InlineData("PI", AdjustmentGroup.PI)]
    public void The_four_5010_CAS_group_codes_are_named_as_X12_spells_them(string cas01, AdjustmentGroup expected)
    {
        Assert.True(Enum.TryParse<AdjustmentGroup>(cas01, ignoreCase: false, out var group));
        Assert.Equal(expected, group);
        Assert.Equal(cas01, group.ToString());
    }

    [Theory]
    [InlineData("CR")] // correction and reversal: retired in 5010
    [InlineData("XX")]
    public void Retired_or_unknown_group_codes_are_not_groups(string cas01) =>
        Assert.False(Enum.TryParse<AdjustmentGroup>(cas01, ignoreCase: false, out _));
}
