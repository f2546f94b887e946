namespace ArCluster.Domain.Identifiers;

/// <summary>
/// The tenant key every grain key starts with ("practice/claim"). Lower-case letters, digits and
/// hyphens, so it can never contain the key separator and reads well in logs and URLs.
/// </summary>
public readonly record struct PracticeId
{
    public const int MaxLength = 40;

    private PracticeId(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out PracticeId id, out string error)
    {
        id = default;
        var text = raw ?? string.Empty;
        var valid = text.Length is > 0 and <= MaxLength
            && text[0] != '-'
            && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        if (!valid)
        {
            error = $"'{raw}' is not a practice id: use 1 to {MaxLength} lower-case letters, digits or hyphens, starting with a letter or digit";
            return false;
        }

        id = new PracticeId(text);
        error = string.Empty;
        return true;
    }
}
