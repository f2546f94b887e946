using System.Text;

namespace ArCluster.BankFiles.Csv;

/// <summary>One CSV record: the line it starts on, its fields (unquoted, untrimmed), and why it is malformed, if it is.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields, string? Problem)
{
    public bool IsBlank => Problem is null && Fields.Count == 1 && string.IsNullOrWhiteSpace(Fields[0]);
}

/// <summary>
/// Splits CSV text into records per RFC 4180: fields separated by ',', a field in double quotes may
/// hold commas, line breaks and doubled quotes (<c>"a ""b"", c"</c> is <c>a "b", c</c>). Spaces before
/// an opening or after a closing quote are tolerated, as spreadsheets sometimes write them. A malformed
/// record is returned with its problem and reading goes on at the next line, so every bad row is found.
/// </summary>
internal static class CsvTokenizer
{
    public static List<CsvRow> Rows(string text)
    {
        var rows = new List<CsvRow>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var rowLine = line;
            var fields = new List<string>();
            string? problem = null;
            var rowEnded = false;
            while (!rowEnded)
            {
                var start = SkipBlanks(text, i);
                if (start < text.Length && text[start] == '"')
                {
                    var quoteLine = line;
                    var value = new StringBuilder();
                    var k = start + 1;
                    var closed = false;
                    while (k < text.Length)
                    {
                        var c = text[k];
                        if (c == '"')
                        {
                            if (k + 1 < text.Length && text[k + 1] == '"')
                            {
                                value.Append('"');
                                k += 2;
                                continue;
                            }

                            closed = true;
                            k++;
                            break;
                        }

                        if (c == '\n' || (c == '\r' && (k + 1 >= text.Length || text[k + 1] != '\n')))
                        {
                            line++;
                        }

                        value.Append(c);
                        k++;
                    }

                    fields.Add(value.ToString());
                    if (!closed)
                    {
                        problem ??= $"the quoted field that starts on line {quoteLine} is never closed; add the closing quote";
                        i = text.Length;
                        break;
                    }

                    k = SkipBlanks(text, k);
                    if (k < text.Length && text[k] is not (',' or '\r' or '\n'))
                    {
                        problem ??= $"field {fields.Count} has text after its closing quote; put the whole field inside the quotes";
                        while (k < text.Length && text[k] is not (',' or '\r' or '\n'))
                        {
                            k++;
                        }
                    }

                    (i, rowEnded) = AfterField(text, k);
                }
                else
                {
                    var k = i;
                    while (k < text.Length && text[k] is not (',' or '\r' or '\n'))
                    {
                        if (text[k] == '"')
                        {
                            problem ??= $"field {fields.Count + 1} has a quote inside it; put the whole field in quotes and double the inner quote (\"\")";
                        }

                        k++;
                    }

                    fields.Add(text[i..k]);
                    (i, rowEnded) = AfterField(text, k);
                }
            }

            if (i < text.Length)
            {
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
            }

            rows.Add(new CsvRow(rowLine, fields, problem));
        }

        return rows;
    }

    // Past a ',' the row goes on; at a line end or the end of the text it is over (the line end is consumed by the caller).
    private static (int Next, bool RowEnded) AfterField(string text, int k) =>
        k < text.Length && text[k] == ',' ? (k + 1, false) : (k, true);

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
