using System.Text;

namespace ArCluster.X12.Internal;

/// <summary>
/// One string per distinct short code (CAS groups and reasons, qualifiers, procedure codes,
/// modifiers, remark codes): a file repeats the same few hundred codes millions of times.
/// Not thread-safe; one per reader. Bounded, after which it just decodes.
/// </summary>
internal sealed class StringCache
{
    private const int MaxEntries = 16_384;
    private readonly Dictionary<ulong, string> _strings = [];

    public string Get(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return "";
        }

        if (bytes.Length > 8)
        {
            return X12Segment.Decode(bytes);
        }

        ulong key = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b is 0 or >= 0x80)
            {
                return X12Segment.Decode(bytes);
            }

            key |= (ulong)b << (8 * i);
        }

        if (_strings.TryGetValue(key, out var text))
        {
            return text;
        }

        text = Encoding.ASCII.GetString(bytes);
        if (_strings.Count < MaxEntries)
        {
            _strings[key] = text;
        }

        return text;
    }
}
