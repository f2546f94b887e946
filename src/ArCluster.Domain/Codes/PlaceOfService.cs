namespace ArCluster.Domain.Codes;

/// <summary>The CMS place-of-service code (SV1-05 / CLM05-1): two digits, 01 to 99 (11 office, 02 telehealth).</summary>
public readonly record struct PlaceOfService
{
    private PlaceOfService(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out PlaceOfService place, out string error)
    {
        place = default;
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length != 2 || !text.All(char.IsAsciiDigit) || text == "00")
        {
            error = $"'{raw}' is not a place-of-service code: use two digits from 01 to 99, e.g. 11 for office";
            return false;
        }

        place = new PlaceOfService(text);
        error = string.Empty;
        return true;
    }
}
