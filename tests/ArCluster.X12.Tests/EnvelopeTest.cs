using System.Text;
using ArCluster.X12.Remittance;
using ArCluster.X12.Tests.TestData;
using static ArCluster.X12.Tests.TestData.X12Text;

namespace ArCluster.X12.Tests;

/// <summary>ISA/IEA, GS/GE and ST/SE: each broken trailer rejects exactly what it covers, and says why.</summary>
public class EnvelopeTest
{
    // Two balanced transaction sets in one group; in the text: ST at segments 3 and 29, SE at 28 and 54, GE 55, IEA 56.
    private static readonly string TwoGood = Interchange(ManagedCareBody, ManagedCareBody);

    [Fact]
    public void Two_sound_transaction_sets_are_both_accepted_with_their_envelope_context()
    {
        var results = Read(TwoGood);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Accepted(r));
        var envelope = results[1].Envelope;
        Assert.Equal(("000000101", "7", "005010X221A1", "835", "0002", 29L), (envelope.InterchangeControlNumber, envelope.GroupControlNumber, envelope.Version, envelope.TransactionSetId, envelope.TransactionControlNumber, envelope.SegmentNumber));
        Assert.Equal(("SENDER", "RECEIVER", "P", "HP"), (envelope.InterchangeSenderId, envelope.InterchangeReceiverId, envelope.UsageIndicator, envelope.FunctionalIdentifierCode));
        Assert.Equal(29, Accepted(results[1]).SegmentNumber);
    }

    [Fact]
    public void A_wrong_SE01_count_rejects_that_transaction_set_alone()
    {
        var results = Read(TwoGood.Replace("SE*26*0001~", "SE*25*0001~", StringComparison.Ordinal));

        var rejected = Rejected(results[0]);
        var error = Assert.Single(rejected.Errors);
        Assert.Equal(X12ErrorKind.Envelope, error.Kind);
        Assert.Equal("segment 28 (SE), element 1: SE01 says '25' segments but transaction set 0001 has 26 (ST at segment 3 through SE at segment 28, both included)", error.ToString());
        Assert.NotNull(rejected.ParsedAdvice);
        Accepted(results[1]);
    }

    [Fact]
    public void An_SE02_that_differs_from_ST02_rejects_that_transaction_set_alone()
    {
        var results = Read(TwoGood.Replace("SE*26*0002~", "SE*26*0020~", StringComparison.Ordinal));

        Accepted(results[0]);
        var error = Assert.Single(Rejected(results[1]).Errors);
        Assert.Equal("segment 54 (SE), element 2: SE02 '0020' does not match ST02 '0002' (segment 29)", error.ToString());
    }

    [Fact]
    public void A_wrong_GE01_rejects_every_transaction_set_of_the_group_before_any_is_handed_out()
    {
        var results = Read(TwoGood.Replace("GE*2*7~", "GE*3*7~", StringComparison.Ordinal));

        Assert.Equal(2, results.Count);
        foreach (var result in results)
        {
            var error = Assert.Single(Rejected(result).Errors);
            Assert.Equal("segment 55 (GE), element 1: GE01 says '3' transaction sets but functional group 7 (segment 2, GS) contains 2; every transaction set in the group is rejected", error.ToString());
        }
    }

    [Fact]
    public void A_GE02_that_differs_from_GS06_rejects_the_group()
    {
        var results = Read(TwoGood.Replace("GE*2*7~", "GE*2*8~", StringComparison.Ordinal));

        Assert.All(results, r => Assert.Contains("GE02 '8' does not match GS06 '7' (segment 2)", Rejected(r).Errors.Single().Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_IEA02_that_differs_from_ISA13_rejects_the_interchange()
    {
        var results = Read(TwoGood.Replace("IEA*1*000000101~", "IEA*1*000000102~", StringComparison.Ordinal));

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(
            "segment 56 (IEA), element 2: IEA02 '000000102' does not match ISA13 '000000101' (segment 1); every transaction set in the interchange is rejected",
            Rejected(r).Errors.Single().ToString()));
    }

    [Fact]
    public void A_wrong_IEA01_group_count_rejects_the_interchange()
    {
        var results = Read(TwoGood.Replace("IEA*1*", "IEA*2*", StringComparison.Ordinal));

        Assert.All(results, r => Assert.StartsWith("segment 56 (IEA), element 1: IEA01 says '2' functional groups but interchange 000000101 (segment 1, ISA) contains 1", Rejected(r).Errors.Single().ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_cut_short_before_its_trailers_posts_nothing()
    {
        var cut = TwoGood[..TwoGood.IndexOf("GE*", StringComparison.Ordinal)];

        var results = Read(cut);

        Assert.Equal(2, results.Count);
        Assert.All(results, r =>
        {
            var messages = Rejected(r).Errors.Select(e => e.ToString()).ToList();
            Assert.Contains("segment 2 (GS): functional group 7 has no GE trailer: the file ends at segment 54; every transaction set in the group is rejected", messages);
            Assert.Contains("segment 1 (ISA): interchange 000000101 has no IEA trailer: the file ends at segment 54 (truncated?); every transaction set in the interchange is rejected", messages);
        });
    }

    [Fact]
    public void A_transaction_set_without_SE_is_rejected_and_the_next_one_still_reads()
    {
        var text = TwoGood.Replace("SE*26*0001~\n", "", StringComparison.Ordinal);

        var results = Read(text);

        var first = Rejected(results[0]);
        Assert.Contains("segment 3 (ST): transaction set 0001 has no SE trailer: another ST starts at segment 28", first.Errors.Select(e => e.ToString()));
        Assert.Null(first.ParsedAdvice);
        Assert.Equal(2, results.Count);
        Assert.Equal(28, Accepted(results[1]).SegmentNumber);
    }

    [Fact]
    public void Segments_between_transaction_sets_reject_the_group()
    {
        var text = TwoGood.Replace("SE*26*0001~\n", "SE*26*0001~\nCLP*LOST*1*10*10**12*X~\nCAS*CO*45*0~\n", StringComparison.Ordinal);

        var results = Read(text);

        Assert.All(results, r => Assert.Contains(
            "segment 29 (CLP): this and the next 1 segments sit between transaction sets in functional group 7, outside any ST..SE (after SE at segment 28); is an ST missing? Every transaction set in the group is rejected",
            Rejected(r).Errors.Select(e => e.ToString())));
    }

    [Fact]
    public void A_group_whose_GE_counts_a_transaction_set_that_is_not_there_is_reported_on_its_own()
    {
        var text = Interchange().Replace("GE*0*7~", "GE*1*7~", StringComparison.Ordinal);

        var rejected = Rejected(Assert.Single(Read(text)));

        Assert.Equal(X12Scope.Group, rejected.Scope);
        Assert.Equal("7", rejected.Envelope.GroupControlNumber);
        Assert.StartsWith("segment 3 (GE), element 1: GE01 says '1' transaction sets but functional group 7", rejected.Errors.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_reported_not_silently_read_as_nothing()
    {
        var rejected = Rejected(Assert.Single(Read(" \r\n")));

        Assert.Equal(X12Scope.File, rejected.Scope);
        Assert.Equal("the file is empty: no ISA interchange found", rejected.Errors.Single().Message);
    }

    [Fact]
    public void A_file_that_does_not_start_with_ISA_says_what_it_found()
    {
        var rejected = Rejected(Assert.Single(Read("GS*HP*A*B*20240101*1200*7*X*005010X221A1~\nST*835*0001~")));

        Assert.Equal(X12Scope.File, rejected.Scope);
        Assert.Equal("segment 1: the file does not start with an ISA interchange header (found 'GS*HP*A*B*20240101*1200*7*X*005010X221A1...'); X12 delimiters are declared by the ISA, so nothing can be read", rejected.Errors.Single().ToString());
    }

    [Fact]
    public void An_ISA_without_its_component_separator_is_named()
    {
        var text = TwoGood.Replace("*0*P*:~", "*0*P*~", StringComparison.Ordinal);

        var results = Read(text);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains(
            "segment 2 (GS): GS ends with '~', the component separator this ISA declares in ISA16, and its segment terminator is '\\n': is ISA16 missing, shifting the terminator into its place? Every transaction set in the interchange is rejected",
            Rejected(r).Errors.Select(e => e.ToString())));
    }

    [Fact]
    public void A_misaligned_ISA_is_rejected_with_the_element_at_fault()
    {
        var text = TwoGood.Replace("*ZZ*SENDER         *", "*ZZ*SENDER*", StringComparison.Ordinal);

        var results = Read(text);

        Assert.All(results, r => Assert.Contains(
            "segment 1 (ISA), element 6: ISA06 must be exactly 15 characters (ISA elements are fixed-width, padded with spaces) but is 6: 'SENDER'",
            Rejected(r).Errors.Select(e => e.ToString())));
    }

    [Fact]
    public void Trailers_are_checked_even_when_the_stream_cannot_seek()
    {
        using var stream = new ForwardOnlyStream(Encoding.ASCII.GetBytes(TwoGood.Replace("GE*2*7~", "GE*3*7~", StringComparison.Ordinal)));

        var results = RemittanceFile.Read(stream).ToList();

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains("GE01 says '3'", Rejected(r).Errors.Single().Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_trailer_check_a_broken_group_is_reported_after_its_transactions()
    {
        var text = TwoGood.Replace("GE*2*7~", "GE*3*7~", StringComparison.Ordinal);

        var results = RemittanceFile.Read(Stream(text), new X12ReadOptions { VerifyTrailersFirst = false }).ToList();

        Assert.Equal(3, results.Count);
        Assert.True(results[0].IsAccepted);
        Assert.True(results[1].IsAccepted);
        Assert.Equal(X12Scope.Group, Rejected(results[2]).Scope);
    }

    [Fact]
    public void Two_interchanges_with_their_own_delimiters_read_in_one_file()
    {
        var second = Interchange(ManagedCareBody)
            .Replace("*", "|", StringComparison.Ordinal)
            .Replace("~\n", "\r\n", StringComparison.Ordinal)
            .Replace("|P|:\r\n", "|P|:!", StringComparison.Ordinal)
            .Replace("\r\n", "!\r\n", StringComparison.Ordinal);

        var results = Read(TwoGood + second);

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Accepted(r));
        Assert.Equal(59, results[2].Envelope.SegmentNumber);
    }

    /// <summary>A network-like stream: no seeking, short reads.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
