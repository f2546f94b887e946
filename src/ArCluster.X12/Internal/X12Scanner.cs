using System.Text;

namespace ArCluster.X12.Internal;

/// <summary>
/// Finds segments in a stream of bytes without loading it whole: one buffer, refilled and compacted
/// as segments are consumed, grown only for a segment longer than the buffer. Delimiters are taken
/// from each ISA it meets. The current segment is a span into the buffer, valid until the next Read.
/// </summary>
internal sealed class X12Scanner
{
    /// <summary>A segment longer than this has almost certainly lost its terminator.</summary>
    internal const int MaxSegmentLength = 1 << 20;

    private const int MaxIsaLength = 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private bool _atFileStart = true;
    private int _segStart;
    private int _segLength;

    public X12Scanner(Stream stream, int bufferSize)
    {
        _stream = stream;
        _buffer = new byte[Math.Max(bufferSize, 4096)];
    }

    public X12Delimiters Delimiters { get; private set; }

    public bool HasDelimiters { get; private set; }

    /// <summary>1-based number of the current segment in the file (ISA = 1).</summary>
    public long SegmentNumber { get; private set; }

    /// <summary>Byte offset of the current segment's first byte in the stream (from where reading began).</summary>
    public long SegmentOffset { get; private set; }

    /// <summary>The current segment without its terminator (and without line breaks before it).</summary>
    public ReadOnlySpan<byte> Segment => _buffer.AsSpan(_segStart, _segLength);

    /// <summary>True when the current segment is an ISA (and <see cref="Delimiters"/> were just taken from it).</summary>
    public bool IsInterchangeHeader { get; private set; }

    /// <summary>Moves to the next segment; false at the end of the stream. Throws <see cref="X12Exception"/> when the bytes cannot be split into segments.</summary>
    public bool Read()
    {
        IsInterchangeHeader = false;
        if (_atFileStart)
        {
            _atFileStart = false;
            if (Ensure(3) && _buffer[_pos] == 0xEF && _buffer[_pos + 1] == 0xBB && _buffer[_pos + 2] == 0xBF)
            {
                _pos += 3;
            }
        }

        while (true)
        {
            if (_pos >= _end && !ReadMore())
            {
                return false;
            }

            if (!IsNoise(_buffer[_pos]))
            {
                break;
            }

            _pos++;
        }

        SegmentNumber = checked(SegmentNumber + 1);
        SegmentOffset = _bufferOffset + _pos;
        if (Ensure(4) && _buffer[_pos] == (byte)'I' && _buffer[_pos + 1] == (byte)'S' && _buffer[_pos + 2] == (byte)'A'
            && !IsAlphanumeric(_buffer[_pos + 3]) && !IsNoise(_buffer[_pos + 3]))
        {
            ReadInterchangeHeader();
            return true;
        }

        if (!HasDelimiters)
        {
            throw Fail(null, $"the file does not start with an ISA interchange header (found '{Preview()}'); X12 delimiters are declared by the ISA, so nothing can be read");
        }

        var terminator = Delimiters.SegmentByte;
        var scanned = 0;
        int end;
        while (true)
        {
            var found = _buffer.AsSpan(_pos + scanned, _end - _pos - scanned).IndexOf(terminator);
            if (found >= 0)
            {
                end = _pos + scanned + found;
                break;
            }

            scanned = _end - _pos;
            if (scanned > MaxSegmentLength)
            {
                throw Fail(null, $"no segment terminator '{X12Delimiters.Printable(terminator)}' (declared after ISA16) within {MaxSegmentLength / 1024} KiB; the segment starts '{Preview()}'");
            }

            if (!ReadMore())
            {
                // The last segment of the file without its terminator: tolerated, the envelope checks still apply.
                end = _end;
                break;
            }
        }

        _segStart = _pos;
        _segLength = end - _pos;
        _pos = end < _end ? end + 1 : end;
        while (_segLength > 0 && _buffer[_segStart + _segLength - 1] is (byte)'\r' or (byte)'\n')
        {
            _segLength--;
        }

        return true;
    }

    private void ReadInterchangeHeader()
    {
        // ISA is fixed-width in 5010, but the delimiters are found by counting separators so that a
        // mis-padded ISA still reads (its widths are reported by the envelope checks).
        Span<int> separators = stackalloc int[16];
        var element = _buffer[_pos + 3];
        separators[0] = 3;
        for (var i = 1; i < 16; i++)
        {
            while (true)
            {
                var from = separators[i - 1] + 1;
                var found = _buffer.AsSpan(_pos + from, _end - _pos - from).IndexOf(element);
                if (found >= 0)
                {
                    separators[i] = from + found;
                    break;
                }

                if (_end - _pos > MaxIsaLength || !ReadMore())
                {
                    throw Fail("ISA", $"the ISA segment does not have 16 elements separated by '{X12Delimiters.Printable(element)}' (the byte after 'ISA'); found '{Preview()}'");
                }
            }
        }

        if (!Ensure(separators[15] + 3))
        {
            throw Fail("ISA", "the file ends inside the ISA segment: ISA16 (component separator) and the segment terminator are missing");
        }

        var component = _buffer[_pos + separators[15] + 1];
        var terminator = _buffer[_pos + separators[15] + 2];
        byte? repetition = null;
        if (separators[11] - separators[10] == 2)
        {
            var isa11 = _buffer[_pos + separators[10] + 1];
            if (!IsAlphanumeric(isa11) && isa11 != (byte)' ')
            {
                repetition = isa11;
            }
        }

        if (IsAlphanumeric(component) || component == element || IsNoise(component))
        {
            throw Fail("ISA", $"ISA16 (component separator) is '{X12Delimiters.Printable(component)}', which cannot be a delimiter; ISA16 must be a single punctuation character such as ':'", 16);
        }

        if (IsAlphanumeric(terminator) || terminator == element || terminator == component || terminator == (byte)' ')
        {
            throw Fail("ISA", $"the segment terminator (the byte after ISA16) is '{X12Delimiters.Printable(terminator)}', which cannot be a delimiter; is ISA16 missing, or is the ISA not 106 characters long?", 16);
        }

        if (repetition is { } r && (r == component || r == terminator))
        {
            throw Fail("ISA", $"ISA11 (repetition separator) '{X12Delimiters.Printable(r)}' is the same as another delimiter", 11);
        }

        Delimiters = new X12Delimiters(element, component, terminator, repetition);
        HasDelimiters = true;
        IsInterchangeHeader = true;
        _segStart = _pos;
        _segLength = separators[15] + 2;
        _pos += separators[15] + 3;
    }

    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (!ReadMore())
            {
                return false;
            }
        }

        return true;
    }

    private bool ReadMore()
    {
        if (_eof)
        {
            return false;
        }

        if (_pos > 0)
        {
            var remaining = _end - _pos;
            if (remaining > 0)
            {
                Buffer.BlockCopy(_buffer, _pos, _buffer, 0, remaining);
            }

            _bufferOffset += _pos;
            _segStart = 0;
            _segLength = 0;
            _end = remaining;
            _pos = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    private X12Exception Fail(string? segmentId, string message, int? element = null) =>
        new(new X12Error(X12ErrorKind.Syntax, message)
        {
            SegmentNumber = SegmentNumber == 0 ? null : SegmentNumber,
            SegmentId = segmentId,
            Element = element,
            ByteOffset = _bufferOffset + _pos,
        });

    private string Preview()
    {
        var length = Math.Min(40, _end - _pos);
        var text = Encoding.UTF8.GetString(_buffer, _pos, length);
        var printable = new StringBuilder(length);
        foreach (var c in text)
        {
            printable.Append(char.IsControl(c) ? '.' : c);
        }

        return length < _end - _pos ? printable + "..." : printable.ToString();
    }

    internal static bool IsNoise(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C or 0x1A;

    internal static bool IsAlphanumeric(byte b) => char.IsAsciiLetterOrDigit((char)b);
}
