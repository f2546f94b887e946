namespace ArCluster.X12;

/// <summary>
/// The delimiters an interchange declares in its ISA segment: element separator (ISA byte 4),
/// repetition separator (ISA11, when it is not a letter or digit), component separator (ISA16) and
/// segment terminator (the byte after ISA16). Never assume <c>*</c>, <c>:</c> or <c>~</c>.
/// </summary>
public readonly record struct X12Delimiters
{
    internal X12Delimiters(byte element, byte component, byte segment, byte? repetition)
    {
        ElementByte = element;
        ComponentByte = component;
        SegmentByte = segment;
        RepetitionByte = repetition;
    }

    /// <summary>The usual 5010 delimiters (<c>*</c>, <c>:</c>, <c>~</c>, repetition <c>^</c>); for writers and tests.</summary>
    public static X12Delimiters Default { get; } = new((byte)'*', (byte)':', (byte)'~', (byte)'^');

    /// <summary>Delimiters from characters, for writers and tests; each must be a distinct ASCII punctuation or control character.</summary>
    public static X12Delimiters Create(char element, char component, char segment, char? repetition)
    {
        var delimiters = new X12Delimiters(ToByte(element), ToByte(component), ToByte(segment), repetition is { } r ? ToByte(r) : null);
        var distinct = new HashSet<byte> { delimiters.ElementByte, delimiters.ComponentByte, delimiters.SegmentByte };
        if (distinct.Count != 3 || (repetition is { } rep && !distinct.Add((byte)rep)))
        {
            throw new ArgumentException("X12 delimiters must all differ.");
        }

        return delimiters;
    }

    public char Element => (char)ElementByte;

    public char Component => (char)ComponentByte;

    public char Segment => (char)SegmentByte;

    public char? Repetition => RepetitionByte is { } r ? (char)r : null;

    internal byte ElementByte { get; }

    internal byte ComponentByte { get; }

    internal byte SegmentByte { get; }

    internal byte? RepetitionByte { get; }

    public override string ToString() =>
        $"element '{Printable(ElementByte)}', component '{Printable(ComponentByte)}', repetition '{(RepetitionByte is { } r ? Printable(r) : "none")}', segment '{Printable(SegmentByte)}'";

    internal static string Printable(byte b) => b switch
    {
        (byte)'\n' => "\\n",
        (byte)'\r' => "\\r",
        (byte)'\t' => "\\t",
        < 0x20 or >= 0x7F => $"0x{b:X2}",
        _ => ((char)b).ToString(),
    };

    private static byte ToByte(char c) =>
        c is > (char)0 and < (char)0x7F && !char.IsAsciiLetterOrDigit(c) && c != ' '
            ? (byte)c
            : throw new ArgumentException($"'{c}' cannot be an X12 delimiter: use ASCII punctuation or a control character.");
}
