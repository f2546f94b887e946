namespace ArCluster.Domain.Identifiers;

/// <summary>
/// The idempotency key of one posting, unique within a practice. Callers choose it (a payment's
/// receipt number, a batch line); sending it again returns the original result. Ids ArCluster
/// derives itself contain a colon, which callers cannot use, so the two can never collide.
/// </summary>
public readonly record struct PostingId
{
    public const int MaxLength = 64;

    private PostingId(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out PostingId id, out string error)
    {
        var ok = IdentifierText.TryParse(raw, MaxLength, "posting id", out var text, out error);
        id = ok ? new PostingId(text) : default;
        return ok;
    }

    /// <summary>
    /// Restores a stored id: either a caller's id or one ArCluster derived (colon-separated parts,
    /// each a valid caller id).
    /// </summary>
    public static bool TryRestore(string? raw, out PostingId id, out string error)
    {
        var parts = raw?.Split(':') ?? [];
        var ok = parts.Length > 0 && raw!.Length <= MaxLength * 4
            && parts.All(part => IdentifierText.TryParse(part, MaxLength, "posting id", out var text, out _) && text == part);
        id = ok ? new PostingId(raw!) : default;
        error = ok ? string.Empty : $"'{raw}' is not a stored posting id";
        return ok;
    }

    /// <summary>A system-derived id, e.g. <c>claim:C100:open</c> or <c>P7:claim:C100</c>.</summary>
    public static PostingId Derived(params string[] parts) => new(string.Join(':', parts));
}
