using System.Text;

namespace ArCluster.X12.Internal;

/// <summary>
/// One string per distinct short code (CAS groups and reasons, qualifiers, procedure codes,
/// modifiers, remark codes): a file repeats the same few hundred codes millions of times.
/// Direct-mapped (a colliding code just replaces the slot), so lookups cost a multiply and a
/// compare. Not thread-safe; one per reader.
/// </summary>
internal sealed class StringCache
{
    private const int Bits = 12;
    private readonly ulong[] _keys = new ulong[1 << Bits];
    private readonly string?[] _strings = new string?[1 << Bits];

    public string Get(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return "";
        }

        var key = CodeSet.Pack(bytes);
        if (key == 0)
        {
            return X12Segment.Decode(bytes);
        }

        var slot = (int)(unchecked(key * 0x9E3779B97F4A7C15UL) >> (64 - Bits));
        if (_keys[slot] == key && _strings[slot] is { } cached)
        {
            return cached;
        }

        var text = Encoding.ASCII.GetString(bytes);
        _keys[slot] = key;
        _strings[slot] = text;
        return text;
    }
}

/// <summary>A small set of codes (up to 8 ASCII characters each), tested straight from element bytes.</summary>
internal sealed class CodeSet
{
    private readonly ulong[] _keys;

    public CodeSet(params string[] codes)
    {
        _keys = [.. codes.Select(c => Pack(Encoding.ASCII.GetBytes(c)))];
        Listing = string.Join(", ", codes.Order(StringComparer.Ordinal));
    }

    /// <summary>The codes, sorted, comma-separated (for messages).</summary>
    public string Listing { get; }

    public bool Contains(ReadOnlySpan<byte> code)
    {
        var key = Pack(code);
        if (key == 0)
        {
            return false;
        }

        foreach (var candidate in _keys)
        {
            if (candidate == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bytes packed into a ulong (first byte lowest); 0 when empty, longer than 8 or not ASCII.</summary>
    public static ulong Pack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is 0 or > 8)
        {
            return 0;
        }

        ulong key = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b is 0 or >= 0x80)
            {
                return 0;
            }

            key |= (ulong)b << (8 * i);
        }

        return key;
    }
}
