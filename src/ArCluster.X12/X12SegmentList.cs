using System.Collections;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ArCluster.X12.Internal;

namespace ArCluster.X12;

/// <summary>
/// Segments that own their bytes: one byte array for all of them, element boundaries in an int array.
/// A transaction set's segments are one such list (ST..SE); nothing is decoded to strings until read.
/// </summary>
public sealed class X12SegmentList : IReadOnlyList<X12Segment>
{
    private byte[] _data;
    private int _dataLength;
    private int[] _bounds;
    private int _boundsLength;
    private Entry[] _entries;
    private int _count;
    private long _firstNumber;
    private long _firstOffset;

    internal X12SegmentList(X12Delimiters delimiters, int expectedBytes = 1024)
    {
        // Typical 835 segments are ~25 bytes of ~6 elements: about one bound per 3 bytes, one entry per 25.
        Delimiters = delimiters;
        _data = new byte[Math.Max(expectedBytes, 64)];
        _bounds = new int[(expectedBytes / 3) + 64];
        _entries = new Entry[(expectedBytes / 16) + 4];
    }

    private X12SegmentList(X12Delimiters delimiters, byte[] data, int[] bounds, Entry[] entries, long firstNumber, long firstOffset)
    {
        Delimiters = delimiters;
        _firstNumber = firstNumber;
        _firstOffset = firstOffset;
        _data = data;
        _dataLength = data.Length;
        _bounds = bounds;
        _boundsLength = bounds.Length;
        _entries = entries;
        _count = entries.Length;
    }

    /// <summary>An empty list (for envelope problems that carry no segments).</summary>
    public static X12SegmentList Empty { get; } = new(X12Delimiters.Default, 0);

    /// <summary>The delimiters of the interchange the segments came from.</summary>
    public X12Delimiters Delimiters { get; private set; }

    public int Count => _count;

    /// <summary>Total bytes of the segments (without terminators).</summary>
    public int ByteCount => _dataLength;

    /// <summary>Bumped whenever the list is reused (by <see cref="X12Reader"/>), so stale segments can tell.</summary>
    internal int Version { get; private set; }

    public X12Segment this[int index] =>
        index >= 0 && index < _count ? new X12Segment(this, index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<X12Segment> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new X12Segment(this, i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Reset(X12Delimiters delimiters)
    {
        Delimiters = delimiters;
        _dataLength = 0;
        _boundsLength = 0;
        _count = 0;
        Version = unchecked(Version + 1);
    }

    /// <summary>Copies one segment (without terminator) and records where its elements start.</summary>
    internal void Append(ReadOnlySpan<byte> segment, long number, long offset)
    {
        if (_dataLength + segment.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(checked(_data.Length * 2), _dataLength + segment.Length));
        }

        var start = _dataLength;
        segment.CopyTo(_data.AsSpan(start));
        _dataLength += segment.Length;

        var boundsStart = _boundsLength;
        // Room for every bound this segment could need, so the split loop does not check.
        if (_boundsLength + segment.Length + 2 > _bounds.Length)
        {
            Array.Resize(ref _bounds, Math.Max(checked(_bounds.Length * 2), _boundsLength + segment.Length + 2));
        }

        _boundsLength += Split(segment, Delimiters.ElementByte, start, _bounds.AsSpan(_boundsLength));

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, checked(_entries.Length * 2));
        }

        // Segments of a list are consecutive in the file: numbers are the first one's plus the
        // index, offsets are kept relative to the first one's (a list is far below 2 GB).
        if (_count == 0)
        {
            _firstNumber = number;
            _firstOffset = offset;
        }
        else if (number != _firstNumber + _count)
        {
            throw new InvalidOperationException($"Segment {number} does not follow segment {_firstNumber + _count - 1} in this list.");
        }

        var idLength = _bounds[boundsStart + 1] - 1 - start;
        _entries[_count++] = new Entry
        {
            BoundsStart = boundsStart,
            RelativeOffset = checked((int)(offset - _firstOffset)),
            IdKey = SegmentIds.Key(segment[..idLength]),
        };
    }

    /// <summary>A copy in arrays of exactly the right size (this list, a reusable builder, is left as it is).</summary>
    internal X12SegmentList ToCompact() =>
        new(Delimiters, _data.AsSpan(0, _dataLength).ToArray(), _bounds.AsSpan(0, _boundsLength).ToArray(), _entries.AsSpan(0, _count).ToArray(), _firstNumber, _firstOffset);

    internal ref readonly Entry EntryAt(int index) => ref _entries[index];

    internal long NumberAt(int index) => _firstNumber + index;

    internal long OffsetAt(int index) => _firstOffset + _entries[index].RelativeOffset;

    /// <summary>Elements after the id of segment <paramref name="index"/>: its bounds run to the next segment's (or the end), one more than elements plus the id.</summary>
    internal int ElementCountAt(int index) =>
        (index + 1 < _count ? _entries[index + 1].BoundsStart : _boundsLength) - _entries[index].BoundsStart - 2;

    /// <summary>The bytes of element <paramref name="position"/> (0 = the segment id, not beyond the segment's last) of the segment whose bounds start at <paramref name="boundsStart"/>.</summary>
    internal ReadOnlySpan<byte> Element(int boundsStart, int position)
    {
        var from = _bounds[boundsStart + position];
        return _data.AsSpan(from, _bounds[boundsStart + position + 1] - 1 - from);
    }

    /// <summary>The whole segment's bytes, without terminator.</summary>
    internal ReadOnlySpan<byte> Raw(int index)
    {
        ref readonly var entry = ref _entries[index];
        var from = _bounds[entry.BoundsStart];
        var to = _bounds[entry.BoundsStart + ElementCountAt(index) + 1] - 1;
        return _data.AsSpan(from, to - from);
    }

    /// <summary>
    /// Writes the start of every element (the id's first, then one past each separator) and one past
    /// the end, offset by <paramref name="start"/>; returns how many. Sixteen bytes at a time: segments
    /// are short and separators dense, so one compare and a bit walk beat an IndexOf per element.
    /// </summary>
    private static int Split(ReadOnlySpan<byte> segment, byte separator, int start, Span<int> bounds)
    {
        var count = 0;
        bounds[count++] = start;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var separators = Vector128.Create(separator);
            ref var first = ref MemoryMarshal.GetReference(segment);
            for (; i + Vector128<byte>.Count <= segment.Length; i += Vector128<byte>.Count)
            {
                var mask = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), separators).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    bounds[count++] = start + i + BitOperations.TrailingZeroCount(mask) + 1;
                    mask &= mask - 1;
                }
            }
        }

        for (; i < segment.Length; i++)
        {
            if (segment[i] == separator)
            {
                bounds[count++] = start + i + 1;
            }
        }

        bounds[count++] = start + segment.Length + 1;
        return count;
    }

    internal struct Entry
    {
        public int BoundsStart;
        public int RelativeOffset;
        public int IdKey;
    }
}
