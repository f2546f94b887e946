using System.Text;

namespace ArCluster.BankFiles.Bai2;

/// <summary>
/// The 835's TRN segment as the payer's bank sent it in the ACH CCD+ addenda and the practice's bank
/// copied it into the 16 record's text: <c>TRN*1*12345678*1512345678\</c>. TRN02 is the reassociation
/// trace number the 835 carries too; TRN03 is '1' followed by the payer's federal tax id.
/// <see cref="Line"/> is where the TRN starts and <see cref="Segment"/> the TRN as written, for messages.
/// </summary>
internal sealed record ReassociationTrace(string TraceNumber, string? PayerId, int Line, string Segment)
{
    // TRN01 = 1: current transaction trace numbers, the only kind an 835 payment carries.
    private const string Start = "TRN*1*";

    // TRN03 is exactly 10 characters in the 835 (X12 5010 TRN03 min/max 10).
    private const int PayerIdLength = 10;

    /// <summary>
    /// The first TRN*1* in the text, read across the 16 record and its 88 continuations, or null when
    /// there is none. Banks wrap the text at a fixed record length, mid-word, so the pieces are joined
    /// with nothing between them. The trace number is empty when the TRN has none (check <see cref="HasTraceNumber"/>).
    /// </summary>
    public static ReassociationTrace? Find(IReadOnlyList<Bai2Field> text)
    {
        var joined = new StringBuilder();
        var pieceStarts = new List<int>(text.Count);
        foreach (var piece in text)
        {
            pieceStarts.Add(joined.Length);
            joined.Append(piece.Value);
        }

        var all = joined.ToString();
        var at = all.IndexOf(Start, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var line = text[PieceAt(pieceStarts, at)].Line;
        var position = at + Start.Length;
        var trace = ReadElement(all, ref position, stopAfter: null, pieceStarts);
        string? payer = null;
        if (position < all.Length && all[position] == '*')
        {
            position++;
            // A bank that drops the segment terminator runs TRN03 into the next piece of text; a piece
            // boundary right after the tenth character ends it.
            payer = ReadElement(all, ref position, stopAfter: PayerIdLength, pieceStarts);
        }

        return new ReassociationTrace(trace, payer is { Length: > 0 } ? payer : null, line, all[at..Math.Min(all.Length, position + 1)]);
    }

    public bool HasTraceNumber => TraceNumber.Length > 0;

    private static string ReadElement(string all, ref int position, int? stopAfter, List<int> pieceStarts)
    {
        var start = position;
        while (position < all.Length && !EndsElement(all[position]))
        {
            if (stopAfter is { } length && position - start == length && pieceStarts.Contains(position))
            {
                break;
            }

            position++;
        }

        return all[start..position];
    }

    // '\' ends the segment in CCD+ addenda (X12 inside NACHA uses it); '~' where a bank kept the 835's own.
    private static bool EndsElement(char c) => c is '*' or '\\' or '~' or '/' or ',' || char.IsWhiteSpace(c);

    private static int PieceAt(List<int> pieceStarts, int position)
    {
        var piece = 0;
        while (piece + 1 < pieceStarts.Count && pieceStarts[piece + 1] <= position)
        {
            piece++;
        }

        return piece;
    }
}
