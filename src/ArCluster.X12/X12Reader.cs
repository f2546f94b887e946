using ArCluster.X12.Internal;

namespace ArCluster.X12;

/// <summary>
/// Low-level forward-only segment reader over a <see cref="Stream"/>: no envelope checks, no
/// transaction grouping. Reads in large chunks and never holds more than the current segment (plus
/// one buffer). <see cref="Current"/> is valid until the next <see cref="Read"/>; touching it later
/// throws. Unreadable input (no ISA, bad ISA, a segment without terminator) throws <see cref="X12Exception"/>.
/// Most callers want <see cref="X12File.ReadTransactions"/> instead.
/// </summary>
public sealed class X12Reader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly X12Scanner _scanner;
    private readonly X12SegmentList _current = new(X12Delimiters.Default, 4096);
    private bool _positioned;

    public X12Reader(Stream stream, bool leaveOpen = false, int bufferSize = X12ReadOptions.DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _scanner = new X12Scanner(stream, bufferSize);
    }

    /// <summary>The delimiters of the interchange being read (from its ISA).</summary>
    public X12Delimiters Delimiters => _scanner.Delimiters;

    /// <summary>The segment last read.</summary>
    public X12Segment Current => _positioned ? _current[0] : throw new InvalidOperationException("Call Read first (and check that it returned true).");

    /// <summary>Advances to the next segment; false at the end of the stream.</summary>
    public bool Read()
    {
        _current.Reset(_scanner.HasDelimiters ? _scanner.Delimiters : X12Delimiters.Default);
        _positioned = false;
        if (!_scanner.Read())
        {
            return false;
        }

        _current.Reset(_scanner.Delimiters);
        _current.Append(_scanner.Segment, _scanner.SegmentNumber, _scanner.SegmentOffset);
        _positioned = true;
        return true;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
