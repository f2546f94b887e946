namespace ArCluster.Domain.Codes;

/// <summary>A remittance advice remark code (RARC, 835 LQ*HE), e.g. N130 or MA01.</summary>
public readonly record struct RemarkCode
{
    private RemarkCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out RemarkCode remark, out string error)
    {
        remark = default;
        var text = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePatterns.Remark().IsMatch(text))
        {
            error = $"'{raw}' is not a remark code (RARC): use M, MA or N and 1 to 3 digits, e.g. N130";
            return false;
        }

        remark = new RemarkCode(text);
        error = string.Empty;
        return true;
    }
}
