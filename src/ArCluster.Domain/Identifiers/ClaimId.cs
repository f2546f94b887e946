namespace ArCluster.Domain.Identifiers;

/// <summary>
/// The patient control number (837 CLM01, echoed in 835 CLP01) that identifies a claim within its
/// practice. Letters, digits, hyphens, underscores and dots, at most 38 characters, the X12 limit.
/// </summary>
public readonly record struct ClaimId
{
    public const int MaxLength = 38;

    private ClaimId(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out ClaimId id, out string error)
    {
        var ok = IdentifierText.TryParse(raw, MaxLength, "claim id (patient control number)", out var text, out error);
        id = ok ? new ClaimId(text) : default;
        return ok;
    }
}
