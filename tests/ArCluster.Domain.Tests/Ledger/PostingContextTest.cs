using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Ledger;

public class PostingContextTest
{
    [Fact]
    public void Entry_ids_are_the_posting_id_and_a_sequence_so_a_retry_produces_the_same_ids()
    {
        var first = Context("ERA-00431-TRN884422");
        var retry = Context("ERA-00431-TRN884422");

        Assert.Equal("ERA-00431-TRN884422/1", first.EntryId(1));
        Assert.Equal(first.EntryId(3), retry.EntryId(3));
        Assert.NotEqual(first.EntryId(1), first.EntryId(2));
    }
}
