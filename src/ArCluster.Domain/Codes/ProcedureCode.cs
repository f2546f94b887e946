namespace ArCluster.Domain.Codes;

/// <summary>A CPT or HCPCS level II code as billed on a service line (SV1-01-2 / SVC01-2), e.g. 99213 or G0439.</summary>
public readonly record struct ProcedureCode
{
    private ProcedureCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out ProcedureCode code, out string error)
    {
        code = default;
        var text = raw?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePatterns.Procedure().IsMatch(text))
        {
            error = $"'{raw}' is not a CPT or HCPCS code: use 5 digits (99213), 4 digits and F, T or U (0001F), or a letter and 4 digits (G0439)";
            return false;
        }

        code = new ProcedureCode(text);
        error = string.Empty;
        return true;
    }
}
