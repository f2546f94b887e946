namespace ArCluster.Domain.Identifiers;

/// <summary>The subscriber's member id at a payer (NM1*IL-09). Protected health information: never log it.</summary>
public readonly record struct MemberId
{
    public const int MaxLength = 80;

    private MemberId(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => "***";

    public static bool TryParse(string? raw, out MemberId id, out string error)
    {
        id = default;
        var text = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        if (text.Length is 0 or > MaxLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            error = $"the member id is not valid: use 1 to {MaxLength} letters, digits or hyphens";
            return false;
        }

        id = new MemberId(text);
        error = string.Empty;
        return true;
    }
}
