namespace ArCluster.Domain.Codes;

/// <summary>
/// An ICD-10-CM diagnosis code. Held without the dot, as X12 HI segments carry it ("E119");
/// accepted with or without it ("E11.9").
/// </summary>
public readonly record struct DiagnosisCode
{
    public const int MaxPerClaim = 12;

    private DiagnosisCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The code as people write it, with the dot after the category: "E11.9".</summary>
    public string Display => Value.Length > 3 ? $"{Value[..3]}.{Value[3..]}" : Value;

    public override string ToString() => Display;

    public static bool TryParse(string? raw, out DiagnosisCode code, out string error)
    {
        code = default;
        var text = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var dotPlacedRight = dot < 0 || (dot == 3 && text.Length > 4 && text.LastIndexOf('.') == dot);
        var bare = text.Replace(".", string.Empty, StringComparison.Ordinal);
        if (!dotPlacedRight || !CodePatterns.Diagnosis().IsMatch(bare))
        {
            error = $"'{raw}' is not an ICD-10-CM code: a letter, a digit, then 1 to 5 letters or digits, with an optional dot after the third character (E11.9, S52.521A)";
            return false;
        }

        code = new DiagnosisCode(bare);
        error = string.Empty;
        return true;
    }
}
