using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Tests.Identifiers;

public class MemberIdTest
{
    [Fact]
    public void A_member_id_never_prints_itself_into_a_log()
    {
        Assert.True(MemberId.TryParse("1eg4-te5-mk73", out var id, out _));
        Assert.Equal("1EG4-TE5-MK73", id.Value);
        Assert.Equal("***", id.ToString());
        Assert.DoesNotContain("1EG4", $"posting for {id}", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123 456")]
    [InlineData("W123*456")]
    [InlineData("W123456789-ABCDEFGHIJ-ABCDEFGHIJ-ABCDEFGHIJ-ABCDEFGHIJ-ABCDEFGHIJ-ABCDEFGHIJ-ABCDEFGHIJ")]
    public void Malformed_member_ids_are_rejected_without_echoing_them(string raw)
    {
        Assert.False(MemberId.TryParse(raw, out _, out var error));
        Assert.DoesNotContain(raw, error, StringComparison.Ordinal);
    }
}
