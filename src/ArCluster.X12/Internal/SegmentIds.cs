using System.Collections.Concurrent;
using System.Text;

namespace ArCluster.X12.Internal;

/// <summary>
/// Segment ids packed into an int (first byte lowest), so that parsers switch on constants instead of
/// comparing strings, and the id string is allocated once per distinct id.
/// </summary>
internal static class SegmentIds
{
    public const int ISA = 'I' | ('S' << 8) | ('A' << 16);
    public const int IEA = 'I' | ('E' << 8) | ('A' << 16);
    public const int GS = 'G' | ('S' << 8);
    public const int GE = 'G' | ('E' << 8);
    public const int ST = 'S' | ('T' << 8);
    public const int SE = 'S' | ('E' << 8);
    public const int TA1 = 'T' | ('A' << 8) | ('1' << 16);

    private static readonly ConcurrentDictionary<int, string> Names = new();

    /// <summary>The packed id, or 0 when the bytes are not a valid segment id (2–3 characters, a capital letter then capitals or digits).</summary>
    public static int Key(ReadOnlySpan<byte> id)
    {
        if (id.Length is < 2 or > 3 || !char.IsAsciiLetterUpper((char)id[0]) || !IsIdChar(id[1]))
        {
            return 0;
        }

        if (id.Length == 2)
        {
            return id[0] | (id[1] << 8);
        }

        return IsIdChar(id[2]) ? id[0] | (id[1] << 8) | (id[2] << 16) : 0;
    }

    public static string Name(int key) => Names.GetOrAdd(key, static k =>
    {
        Span<byte> bytes = [unchecked((byte)k), unchecked((byte)(k >> 8)), unchecked((byte)(k >> 16))];
        return Encoding.ASCII.GetString(bytes[..(bytes[2] == 0 ? 2 : 3)]);
    });

    private static bool IsIdChar(byte b) => char.IsAsciiLetterUpper((char)b) || char.IsAsciiDigit((char)b);
}
