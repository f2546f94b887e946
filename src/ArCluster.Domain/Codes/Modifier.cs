namespace ArCluster.Domain.Codes;

/// <summary>A procedure modifier (SV1-01-3..6): two letters or digits, e.g. 25, 59, LT, GT.</summary>
public readonly record struct Modifier
{
    public const int MaxPerLine = 4;

    private Modifier(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out Modifier modifier, out string error)
    {
        modifier = default;
        var text = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePatterns.Modifier().IsMatch(text))
        {
            error = $"'{raw}' is not a modifier: use two letters or digits, e.g. 25 or LT";
            return false;
        }

        modifier = new Modifier(text);
        error = string.Empty;
        return true;
    }
}
