namespace ArCluster.Domain.Identifiers;

/// <summary>The practice's patient account number. Letters, digits, hyphens, underscores and dots, at most 30 characters.</summary>
public readonly record struct AccountId
{
    public const int MaxLength = 30;

    private AccountId(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out AccountId id, out string error)
    {
        var ok = IdentifierText.TryParse(raw, MaxLength, "account id", out var text, out error);
        id = ok ? new AccountId(text) : default;
        return ok;
    }
}
