using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Tests.Identifiers;

public class PostingIdTest
{
    [Theory]
    [InlineData("RCPT-000123")]
    [InlineData("batch7.line12")]
    public void Caller_chosen_receipt_numbers_are_posting_ids(string raw) => Assert.True(PostingId.TryParse(raw, out _, out _));

    [Fact]
    public void Callers_cannot_send_the_colon_that_marks_ids_the_system_derives()
    {
        var derived = PostingId.Derived("RCPT-000123", "claim", "C100");
        Assert.Equal("RCPT-000123:claim:C100", derived.Value);
        Assert.False(PostingId.TryParse(derived.Value, out _, out _));
    }

    [Fact]
    public void Posting_ids_are_at_most_64_characters()
    {
        Assert.True(PostingId.TryParse(new string('r', PostingId.MaxLength), out _, out _));
        Assert.False(PostingId.TryParse(new string('r', PostingId.MaxLength + 1), out _, out _));
    }
}
