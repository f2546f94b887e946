namespace ArCluster.Domain.Codes;

/// <summary>A claim adjustment reason code (CARC), e.g. 45 (charge exceeds fee schedule) or A1.</summary>
public readonly record struct AdjustmentReason
{
    private AdjustmentReason(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out AdjustmentReason reason, out string error)
    {
        reason = default;
        var text = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePatterns.AdjustmentReason().IsMatch(text))
        {
            error = $"'{raw}' is not a claim adjustment reason code (CARC): use 1 to 3 digits or a letter and 1 or 2 digits, e.g. 45 or A1";
            return false;
        }

        reason = new AdjustmentReason(text);
        error = string.Empty;
        return true;
    }
}
