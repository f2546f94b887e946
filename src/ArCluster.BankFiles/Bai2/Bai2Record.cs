namespace ArCluster.BankFiles.Bai2;

/// <summary>
/// One logical BAI2 record: a physical record and the 88 continuation records that follow it.
/// Fields are separated by ',' and a record ends at '/'. The one exception is the text field that ends
/// a 16 record: it runs to the end of the physical record and may itself contain ',' and '/', so the
/// caller says where it starts (see <see cref="Split"/>).
/// </summary>
internal sealed class Bai2Record
{
    private readonly List<Bai2Field> _parts;

    private Bai2Record(string code, Bai2Field first)
    {
        Code = code;
        _parts = [first];
    }

    /// <summary>The two-digit record code of the first physical record ("16"), never "88".</summary>
    public string Code { get; }

    /// <summary>The 1-based line where the record starts.</summary>
    public int Line => _parts[0].Line;

    /// <summary>The physical records it occupies, which is what the 49, 98 and 99 record counts count.</summary>
    public int PhysicalRecords => _parts.Count;

    public string Label => $"{Code} record";

    /// <summary>
    /// Groups physical lines into logical records. Blank lines are skipped (they are not records and are
    /// not counted); a line that is not a record is reported and skipped.
    /// </summary>
    public static List<Bai2Record> Assemble(IReadOnlyList<string> lines, Internal.ErrorList errors)
    {
        var records = new List<Bai2Record>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = i + 1;
            // Fixed-length files pad every record with blanks; they are not data.
            var text = lines[i].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text.Length < 3 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]) || text[2] != ',')
            {
                errors.Add(line, "file", $"'{Shorten(text)}' is not a BAI2 record: every record starts with a two-digit record code and a comma, e.g. '16,'");
                continue;
            }

            var code = text[..2];
            var content = new Bai2Field(text[3..], line);
            if (code == "88")
            {
                if (records.Count == 0)
                {
                    errors.Add(line, "88 record", "continuation record with no record before it to continue");
                }
                else
                {
                    records[^1]._parts.Add(content);
                }

                continue;
            }

            records.Add(new Bai2Record(code, content));
        }

        return records;
    }

    /// <summary>The fields of a record without a text field (everything but 16).</summary>
    public Bai2Split Split() => Split(textStart: null);

    /// <summary>
    /// The fields, and — once <paramref name="textStart"/>, shown the fields read so far, returns how
    /// many fields precede the text — the text: the rest of that physical record and every 88 after it,
    /// each without one trailing '/' (banks often end text records with it though the text needs none).
    /// Before the text, a '/' followed by more on the same line is part of a field (banks put slashes in
    /// reference numbers); a '/' with nothing after it ends the physical record, and an 88 continues with
    /// the next field. Without a text field, anything after a record's '/' is reported as stray.
    /// </summary>
    public Bai2Split Split(Func<IReadOnlyList<Bai2Field>, int?>? textStart)
    {
        var fields = new List<Bai2Field>();
        List<Bai2Field>? text = null;
        var stray = new List<Bai2Field>();
        foreach (var part in _parts)
        {
            var s = part.Value;
            if (text is not null)
            {
                text.Add(new Bai2Field(WithoutDelimiter(s), part.Line));
                continue;
            }

            var position = 0;
            while (true)
            {
                if (textStart?.Invoke(fields) is { } start && fields.Count >= start)
                {
                    text = [new Bai2Field(WithoutDelimiter(s[position..]), part.Line)];
                    break;
                }

                var (end, endsRecord) = FieldEnd(s, position, slashMayBeData: textStart is not null);
                fields.Add(new Bai2Field(s[position..end], part.Line));
                if (endsRecord)
                {
                    if (end < s.Length && s[(end + 1)..].Trim() is { Length: > 0 } rest)
                    {
                        stray.Add(new Bai2Field(rest, part.Line));
                    }

                    break;
                }

                position = end + 1;
            }
        }

        return new Bai2Split(Line, fields, text ?? [], stray);
    }

    private static (int End, bool EndsRecord) FieldEnd(string s, int position, bool slashMayBeData)
    {
        for (var i = position; i < s.Length; i++)
        {
            switch (s[i])
            {
                case ',':
                    return (i, false);
                case '/' when !slashMayBeData || s.AsSpan(i + 1).IsWhiteSpace():
                    return (i, true);
            }
        }

        // No '/': the spec requires one, but a record that simply stops is read as ending there.
        return (s.Length, true);
    }

    private static string WithoutDelimiter(string text) => text.EndsWith('/') ? text[..^1] : text;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}

/// <summary>A record's fields, its text (16 records only; one entry per physical record), and anything found after its '/'.</summary>
internal sealed record Bai2Split(int Line, IReadOnlyList<Bai2Field> Fields, IReadOnlyList<Bai2Field> Text, IReadOnlyList<Bai2Field> Stray)
{
    /// <summary>Field <paramref name="index"/> trimmed, or an empty field on the record's last line when the record stops before it.</summary>
    public Bai2Field this[int index] =>
        index < Fields.Count ? Fields[index] with { Value = Fields[index].Value.Trim() } : Bai2Field.Missing(Fields.Count > 0 ? Fields[^1].Line : Line);
}
