namespace ArCluster.Domain.Identifiers;

/// <summary>
/// A federal tax identification number (EIN or SSN used as TIN): nine digits, stored without
/// punctuation. Accepts "12-3456789" and "123456789".
/// </summary>
public readonly record struct TaxId
{
    private TaxId(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out TaxId taxId, out string error)
    {
        taxId = default;
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length == 10 && text[2] == '-')
        {
            text = string.Concat(text.AsSpan(0, 2), text.AsSpan(3));
        }

        if (text.Length != 9 || !text.All(char.IsAsciiDigit))
        {
            error = $"'{raw}' is not a tax id: expected 9 digits, as 123456789 or 12-3456789";
            return false;
        }

        if (text == "000000000")
        {
            error = "a tax id of all zeros is not valid";
            return false;
        }

        taxId = new TaxId(text);
        error = string.Empty;
        return true;
    }
}
