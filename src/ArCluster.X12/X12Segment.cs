using System.Text;
using ArCluster.X12.Internal;

namespace ArCluster.X12;

/// <summary>
/// One segment: its 1-based number in the file (ISA = 1), its byte offset, its id and its elements.
/// Elements are 1-based as in the implementation guides (<c>segment[2]</c> is CLP02; <c>segment[0]</c>
/// is the id); an element past the last one present reads as empty. Strings are decoded (UTF-8) only
/// for what is read; <see cref="GetElement"/> gives the raw bytes without allocating.
/// </summary>
public readonly struct X12Segment : IEquatable<X12Segment>
{
    private readonly X12SegmentList _list;
    private readonly int _index;
    private readonly int _version;
    private readonly int _boundsStart;
    private readonly int _elementCount;

    internal X12Segment(X12SegmentList list, int index)
    {
        _list = list;
        _index = index;
        _version = list.Version;
        _boundsStart = list.EntryAt(index).BoundsStart;
        _elementCount = list.ElementCountAt(index);
    }

    /// <summary>1-based position of the segment in the file (the ISA is segment 1).</summary>
    public long Number => List.NumberAt(_index);

    /// <summary>Byte offset of the segment's first byte in the stream.</summary>
    public long Offset => List.OffsetAt(_index);

    /// <summary>The segment id, e.g. "CLP".</summary>
    public string Id => Entry.IdKey != 0 ? SegmentIds.Name(Entry.IdKey) : Decode(GetElement(0));

    /// <summary>Number of elements after the id that are present (trailing empty elements omitted by the sender do not count).</summary>
    public int ElementCount => _elementCount;

    /// <summary>The delimiters of the segment's interchange.</summary>
    public X12Delimiters Delimiters => List.Delimiters;

    internal int IdKey => Entry.IdKey;

    private X12SegmentList List => _list.Version == _version
        ? _list
        : throw new InvalidOperationException("This segment came from X12Reader.Current and the reader has since moved on; copy what you need before calling Read again.");

    private ref readonly X12SegmentList.Entry Entry => ref List.EntryAt(_index);

    /// <summary>Element <paramref name="position"/> as a string (1-based; 0 is the id); "" when absent.</summary>
    public string this[int position] => Decode(GetElement(position));

    /// <summary>True when the segment id is <paramref name="id"/>.</summary>
    public bool Is(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var bytes = GetElement(0);
        if (bytes.Length != id.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != id[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The raw bytes of element <paramref name="position"/> (1-based; 0 is the id); empty when absent.</summary>
    public ReadOnlySpan<byte> GetElement(int position)
    {
        var list = List;
        if (position > _elementCount || position < 0)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            return default;
        }

        return list.Element(_boundsStart, position);
    }

    /// <summary>True when element <paramref name="position"/> is present and not empty.</summary>
    public bool HasElement(int position) => !GetElement(position).IsEmpty;

    /// <summary>Number of components in element <paramref name="position"/> (1 for a simple element, 0 when empty).</summary>
    public int ComponentCount(int position)
    {
        var element = GetElement(position);
        return element.IsEmpty ? 0 : element.Count(Delimiters.ComponentByte) + 1;
    }

    /// <summary>The raw bytes of component <paramref name="component"/> (1-based) of element <paramref name="position"/>; empty when absent.</summary>
    public ReadOnlySpan<byte> GetComponent(int position, int component)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(component, 1);
        return Piece(GetElement(position), Delimiters.ComponentByte, component);
    }

    /// <summary>Component <paramref name="component"/> (1-based) of element <paramref name="position"/>, e.g. <c>Component(1, 2)</c> is SVC01-2; "" when absent.</summary>
    public string Component(int position, int component) => Decode(GetComponent(position, component));

    /// <summary>Number of repetitions in element <paramref name="position"/> (by ISA11; 1 when the interchange has no repetition separator).</summary>
    public int RepetitionCount(int position)
    {
        var element = GetElement(position);
        if (element.IsEmpty)
        {
            return 0;
        }

        return Delimiters.RepetitionByte is { } r ? element.Count(r) + 1 : 1;
    }

    /// <summary>Repetition <paramref name="repetition"/> (1-based) of element <paramref name="position"/>; "" when absent.</summary>
    public string Repetition(int position, int repetition)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetition, 1);
        var element = GetElement(position);
        return Delimiters.RepetitionByte is { } r
            ? Decode(Piece(element, r, repetition))
            : repetition == 1 ? Decode(element) : "";
    }

    /// <summary>The segment as it appeared (without terminator), with the file's own delimiters.</summary>
    public override string ToString() => _list is null ? "" : Decode(List.Raw(_index));

    public bool Equals(X12Segment other) => ReferenceEquals(_list, other._list) && _index == other._index && _version == other._version;

    public override bool Equals(object? obj) => obj is X12Segment other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_list, _index, _version);

    public static bool operator ==(X12Segment left, X12Segment right) => left.Equals(right);

    public static bool operator !=(X12Segment left, X12Segment right) => !left.Equals(right);

    internal static ReadOnlySpan<byte> Piece(ReadOnlySpan<byte> span, byte separator, int index)
    {
        for (var i = 1; ; i++)
        {
            var found = span.IndexOf(separator);
            if (i == index)
            {
                return found < 0 ? span : span[..found];
            }

            if (found < 0)
            {
                return default;
            }

            span = span[(found + 1)..];
        }
    }

    internal static string Decode(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? "" : Encoding.UTF8.GetString(bytes);
}
