namespace ArCluster.Domain.Identifiers;

/// <summary>The character rule shared by caller-chosen ids: safe in grain keys, URLs, X12 and logs.</summary>
internal static class IdentifierText
{
    public static bool TryParse(string? raw, int maxLength, string what, out string text, out string error)
    {
        text = raw?.Trim() ?? string.Empty;
        var valid = text.Length is > 0
            && text.Length <= maxLength
            && char.IsAsciiLetterOrDigit(text[0])
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        if (!valid)
        {
            error = $"'{raw}' is not a {what}: use 1 to {maxLength} letters, digits, '-', '_' or '.', starting with a letter or digit";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
