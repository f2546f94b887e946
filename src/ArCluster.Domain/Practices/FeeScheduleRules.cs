using System.Collections.Immutable;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Practices;

public sealed record FeeScheduleInput(string? PayerId, IReadOnlyList<FeeScheduleRateInput> Rates);

public sealed record FeeScheduleRateInput(string? Code, string? Modifier, decimal Allowed);

/// <summary>The rules a fee schedule must meet: a payer of the practice, valid codes, positive amounts, one rate per code and modifier.</summary>
public static class FeeScheduleRules
{
    public static FeeSchedule Validate(FeeScheduleInput input, IReadOnlySet<string> practicePayers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(practicePayers);
        var violations = new Violations();
        var payer = violations.Check<PayerId>("payerId", input.PayerId, PayerId.TryParse);
        if (payer is { } known && !practicePayers.Contains(known.Value))
        {
            violations.Add("payerId", $"payer '{known.Value}' is not one of the practice's payers; register it on the practice first");
        }

        var rates = ImmutableArray.CreateBuilder<FeeScheduleRate>();
        var seen = new HashSet<(ProcedureCode, Modifier?)>();
        for (var i = 0; i < input.Rates.Count; i++)
        {
            var raw = input.Rates[i];
            var code = violations.Check<ProcedureCode>($"rates[{i}].code", raw.Code, ProcedureCode.TryParse);
            var modifier = string.IsNullOrWhiteSpace(raw.Modifier) ? null : violations.Check<Modifier>($"rates[{i}].modifier", raw.Modifier, Modifier.TryParse);
            if (!Money.TryCreate(raw.Allowed, out var allowed, out var error))
            {
                violations.Add($"rates[{i}].allowed", error);
            }
            else if (!allowed.IsPositive)
            {
                violations.Add($"rates[{i}].allowed", $"an allowed amount must be more than zero, not {allowed}");
            }

            if (code is { } c && !seen.Add((c, modifier)))
            {
                violations.Add($"rates[{i}]", $"{c}{(modifier is { } m ? "-" + m : string.Empty)} is listed twice");
            }

            if (code is not null && allowed.IsPositive)
            {
                rates.Add(new FeeScheduleRate(code.Value, modifier, allowed));
            }
        }

        violations.ThrowIfAny($"Fee schedule for payer '{input.PayerId}'");
        return new FeeSchedule(payer!.Value, rates.ToImmutable());
    }
}
