using System.Collections;
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

    internal X12SegmentList(X12Delimiters delimiters, int expectedBytes = 1024)
    {
        Delimiters = delimiters;
        _data = new byte[Math.Max(expectedBytes, 64)];
        _bounds = new int[Math.Max(expectedBytes / 4, 16)];
        _entries = new Entry[Math.Max(expectedBytes / 32, 4)];
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
        (uint)index < (uint)_count ? new X12Segment(this, index) : throw new ArgumentOutOfRangeException(nameof(index));

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
        AddBound(start);
        var separator = Delimiters.ElementByte;
        var position = 0;
        while (true)
        {
            var found = segment[position..].IndexOf(separator);
            if (found < 0)
            {
                break;
            }

            position += found + 1;
            AddBound(start + position);
        }

        AddBound(start + segment.Length + 1);

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, checked(_entries.Length * 2));
        }

        var idLength = _bounds[boundsStart + 1] - 1 - start;
        _entries[_count++] = new Entry
        {
            Number = number,
            Offset = offset,
            BoundsStart = boundsStart,
            ElementCount = _boundsLength - boundsStart - 2,
            IdKey = SegmentIds.Key(segment[..idLength]),
        };
    }

    internal ref readonly Entry EntryAt(int index) => ref _entries[index];

    /// <summary>The bytes of element <paramref name="position"/> (0 = the segment id) of segment <paramref name="index"/>; empty beyond the last element.</summary>
    internal ReadOnlySpan<byte> Element(int index, int position)
    {
        ref readonly var entry = ref _entries[index];
        if ((uint)position > (uint)entry.ElementCount)
        {
            return default;
        }

        var from = _bounds[entry.BoundsStart + position];
        var to = _bounds[entry.BoundsStart + position + 1] - 1;
        return _data.AsSpan(from, to - from);
    }

    /// <summary>The whole segment's bytes, without terminator.</summary>
    internal ReadOnlySpan<byte> Raw(int index)
    {
        ref readonly var entry = ref _entries[index];
        var from = _bounds[entry.BoundsStart];
        var to = _bounds[entry.BoundsStart + entry.ElementCount + 1] - 1;
        return _data.AsSpan(from, to - from);
    }

    private void AddBound(int value)
    {
        if (_boundsLength == _bounds.Length)
        {
            Array.Resize(ref _bounds, checked(_bounds.Length * 2));
        }

        _bounds[_boundsLength++] = value;
    }

    internal struct Entry
    {
        public long Number;
        public long Offset;
        public int BoundsStart;
        public int ElementCount;
        public int IdKey;
    }
}
