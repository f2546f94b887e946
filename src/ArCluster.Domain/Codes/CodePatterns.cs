using System.Text.RegularExpressions;

namespace ArCluster.Domain.Codes;

/// <summary>The shapes of the code sets a claim carries, compiled once.</summary>
internal static partial class CodePatterns
{
    /// <summary>CPT category I (5 digits), II (4 digits + F), III (+ T), PLA (+ U); HCPCS level II (letter + 4 digits).</summary>
    [GeneratedRegex("^([0-9]{4}[0-9FTU]|[A-Z][0-9]{4})$")]
    public static partial Regex Procedure();

    [GeneratedRegex("^[A-Z0-9]{2}$")]
    public static partial Regex Modifier();

    /// <summary>
    /// ICD-10-CM: letter, digit, then 1 to 5 letters or digits; 3 to 7 characters without the dot.
    /// U is included: U07.1 (COVID-19) and U09.9 (post COVID-19 condition) are billable codes.
    /// </summary>
    [GeneratedRegex("^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$")]
    public static partial Regex Diagnosis();

    /// <summary>CARC: 1 to 3 digits, or a letter and 1 or 2 digits (A1, B7, P12, W1).</summary>
    [GeneratedRegex("^([0-9]{1,3}|[A-Z][0-9]{1,2})$")]
    public static partial Regex AdjustmentReason();

    /// <summary>RARC: M, MA or N series (M15, MA130, N386).</summary>
    [GeneratedRegex("^(M|MA|N)[0-9]{1,3}$")]
    public static partial Regex Remark();
}
