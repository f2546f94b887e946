using ArCluster.BankFiles.Internal;

namespace ArCluster.BankFiles.Csv;

/// <summary>Where each column of the house deposit CSV sits, from its header row (names are case-insensitive, in any order).</summary>
internal sealed record CsvColumns(int Count, int Date, int Amount, int Method, int Reference, int? Practice, int? Account, int? Payer)
{
    public const string Header = "header";

    private static readonly string[] Required = ["date", "amount", "method", "reference"];

    private static readonly string[] Known = [.. Required, "practice", "account", "payer"];

    /// <summary>The columns, or null (with the reasons in <paramref name="errors"/>) when rows cannot be read against this header.</summary>
    public static CsvColumns? Parse(CsvRow header, ErrorList errors)
    {
        if (header.Problem is { } problem)
        {
            errors.Add(header.Line, Header, problem);
            return null;
        }

        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                errors.Add(header.Line, Header, $"column {i + 1} has no name; the columns are {string.Join(", ", Known)}");
                ok = false;
            }
            else if (!Known.Contains(name))
            {
                // Unknown names are refused rather than ignored: 'payor' for 'payer' would otherwise drop data silently.
                errors.Add(header.Line, Header, $"unknown column '{header.Fields[i].Trim()}'; the columns are {string.Join(", ", Known)}", header.Fields[i].Trim());
                ok = false;
            }
            else if (!positions.TryAdd(name, i))
            {
                errors.Add(header.Line, Header, $"column '{name}' appears twice (columns {positions[name] + 1} and {i + 1})", name);
                ok = false;
            }
        }

        foreach (var name in Required.Where(n => !positions.ContainsKey(n)))
        {
            errors.Add(header.Line, Header, $"required column '{name}' is missing; the header needs {string.Join(", ", Required)}, and practice or account", name);
            ok = false;
        }

        if (!positions.ContainsKey("practice") && !positions.ContainsKey("account"))
        {
            errors.Add(header.Line, Header, "the header needs a 'practice' or an 'account' column (or both) to say whose deposits these are");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        return new CsvColumns(
            header.Fields.Count,
            positions["date"],
            positions["amount"],
            positions["method"],
            positions["reference"],
            Optional(positions, "practice"),
            Optional(positions, "account"),
            Optional(positions, "payer"));
    }

    private static int? Optional(Dictionary<string, int> positions, string name) => positions.TryGetValue(name, out var i) ? i : null;
}
