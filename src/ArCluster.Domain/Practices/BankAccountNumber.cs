namespace ArCluster.Domain.Practices;

/// <summary>
/// The number of a bank account a practice's deposits arrive in, as a BAI2 file's 03 record names
/// it: 4 to 17 digits, leading zeros kept (they are part of the number). Not to be shown in full
/// to people; see <see cref="Masked"/>.
/// </summary>
public readonly record struct BankAccountNumber
{
    public const int MinLength = 4;

    /// <summary>The longest account number an ACH entry (NACHA DFI account number field) can carry.</summary>
    public const int MaxLength = 17;

    private BankAccountNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The last four digits only, as statements print it: <c>••••6789</c>.</summary>
    public string Masked => $"••••{Value[^4..]}";

    public override string ToString() => Masked;

    public static bool TryParse(string? raw, out BankAccountNumber account, out string error)
    {
        account = default;
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length is < MinLength or > MaxLength || !text.All(char.IsAsciiDigit))
        {
            error = $"'{raw}' is not a bank account number: {MinLength} to {MaxLength} digits";
            return false;
        }

        account = new BankAccountNumber(text);
        error = string.Empty;
        return true;
    }
}
