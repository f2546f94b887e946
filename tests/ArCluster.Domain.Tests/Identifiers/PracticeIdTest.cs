using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Tests.Identifiers;

public class PracticeIdTest
{
    [Theory]
    [InlineData("riverside")]
    [InlineData("acme-ortho-2")]
    [InlineData("7oaks")]
    public void Slugs_are_accepted(string raw) => Assert.True(PracticeId.TryParse(raw, out _, out _));

    [Theory]
    [InlineData("")]
    [InlineData("-leading")]
    [InlineData("Upper")]
    [InlineData("has/slash")]
    [InlineData("has space")]
    [InlineData("a-very-long-practice-id-that-goes-past-forty-chars")]
    public void Ids_that_could_break_grain_keys_or_urls_are_rejected(string raw) =>
        Assert.False(PracticeId.TryParse(raw, out _, out _));
}
