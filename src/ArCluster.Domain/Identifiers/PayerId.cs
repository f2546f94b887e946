namespace ArCluster.Domain.Identifiers;

/// <summary>
/// The payer's identifier as clearinghouses and the 835 (N1*PR REF*2U) carry it, e.g. "00431" or
/// "SB580". Upper-cased; letters, digits and hyphens only.
/// </summary>
public readonly record struct PayerId
{
    public const int MaxLength = 50;

    private PayerId(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out PayerId payerId, out string error)
    {
        payerId = default;
        var text = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        if (text.Length is 0 or > MaxLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            error = $"'{raw}' is not a payer id: use 1 to {MaxLength} letters, digits or hyphens";
            return false;
        }

        payerId = new PayerId(text);
        error = string.Empty;
        return true;
    }
}
