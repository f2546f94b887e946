using System.Collections.Immutable;
using ArCluster.Abstractions.Claims;
using ArCluster.Domain;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Validation;

namespace ArCluster.Grains;

/// <summary>Wire values every command carries (amounts, CAS adjustments), checked the same way everywhere.</summary>
internal static class WireValues
{
    public static Money Amount(Violations violations, string field, decimal raw)
    {
        if (Money.TryCreate(raw, out var money, out var error))
        {
            return money;
        }

        violations.Add(field, error);
        return Money.Zero;
    }

    /// <summary>
    /// CAS adjustments. <paramref name="ignoreCase"/> lets people type "co"; an 835 is held to the
    /// code set as X12 spells it.
    /// </summary>
    public static ImmutableArray<AdjustmentAmount> Adjustments(Violations violations, string field, ImmutableArray<CasAdjustment> raw, bool ignoreCase) =>
        [.. (raw.IsDefault ? [] : raw).Select((a, i) => new AdjustmentAmount(
            Group(violations, $"{field}[{i}].group", a.Group, ignoreCase),
            violations.Check<AdjustmentReason>($"{field}[{i}].reason", a.Reason, AdjustmentReason.TryParse) ?? default,
            Amount(violations, $"{field}[{i}].amount", a.Amount)))];

    public static AdjustmentGroup Group(Violations violations, string field, string? raw, bool ignoreCase)
    {
        var text = ignoreCase ? raw?.Trim() : raw;
        if (Enum.TryParse<AdjustmentGroup>(text, ignoreCase, out var group) && Enum.IsDefined(group) && !int.TryParse(raw, out _))
        {
            return group;
        }

        violations.Add(field, $"'{raw}' is not an adjustment group: use CO, PR, OA or PI");
        return default;
    }
}
