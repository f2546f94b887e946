using System.Collections.Immutable;
using System.Globalization;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Claims;

/// <summary>The rules a claim must meet before its charges enter the ledger.</summary>
public static class ClaimRules
{
    /// <summary>837P allows at most 50 service lines per claim (loop 2400 repeat).</summary>
    public const int MaxLines = 50;

    public const int MaxLineControlNumberLength = 50;

    /// <summary>
    /// Checks every field and reports every broken rule at once. <paramref name="practicePayers"/>
    /// are the payer ids the practice bills; <paramref name="today"/> bounds the dates of service.
    /// </summary>
    public static ClaimDetails Validate(ClaimInput input, IReadOnlySet<string> practicePayers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(practicePayers);
        var violations = new Violations();
        var practiceId = violations.Check<PracticeId>("practiceId", input.PracticeId, PracticeId.TryParse);
        var claimId = violations.Check<ClaimId>("claimId", input.ClaimId, ClaimId.TryParse);
        var accountId = violations.Check<AccountId>("accountId", input.AccountId, AccountId.TryParse);
        var primary = CheckCoverage(violations, "primary", input.Primary, practicePayers);
        var secondary = CheckCoverage(violations, "secondary", input.Secondary, practicePayers);
        if (input.Secondary is not null && input.Primary is null)
        {
            violations.Add("secondary", "a secondary coverage needs a primary coverage");
        }

        if (primary is not null && secondary is not null && primary.PayerId == secondary.PayerId && primary.MemberId == secondary.MemberId)
        {
            violations.Add("secondary", "the secondary coverage is the same as the primary");
        }

        var billing = violations.Check<Npi>("billingNpi", input.BillingNpi, Npi.TryParse);
        var rendering = violations.Check<Npi>("renderingNpi", input.RenderingNpi ?? input.BillingNpi, Npi.TryParse);
        var diagnoses = CheckDiagnoses(violations, input.Diagnoses ?? []);
        var lines = CheckLines(violations, input.Lines ?? [], diagnoses.Length, today);
        violations.ThrowIfAny($"Claim '{input.ClaimId}'");

        return new ClaimDetails(
            practiceId!.Value, claimId!.Value, accountId!.Value, primary, secondary, billing!.Value, rendering!.Value, diagnoses, lines);
    }

    private static Coverage? CheckCoverage(Violations violations, string field, CoverageInput? input, IReadOnlySet<string> practicePayers)
    {
        if (input is null)
        {
            return null;
        }

        var payer = violations.Check<PayerId>($"{field}.payerId", input.PayerId, PayerId.TryParse);
        var member = violations.Check<MemberId>($"{field}.memberId", input.MemberId, MemberId.TryParse);
        if (payer is { } known && !practicePayers.Contains(known.Value))
        {
            violations.Add($"{field}.payerId", $"payer '{known.Value}' is not one of the practice's payers; register it on the practice first");
        }

        return payer is null || member is null ? null : new Coverage(payer.Value, member.Value);
    }

    private static ImmutableArray<DiagnosisCode> CheckDiagnoses(Violations violations, IReadOnlyList<string?> raw)
    {
        if (raw.Count is 0 or > DiagnosisCode.MaxPerClaim)
        {
            violations.Add("diagnoses", $"a claim carries 1 to {DiagnosisCode.MaxPerClaim} diagnoses, not {raw.Count}");
        }

        var codes = ImmutableArray.CreateBuilder<DiagnosisCode>();
        for (var i = 0; i < raw.Count; i++)
        {
            if (violations.Check<DiagnosisCode>($"diagnoses[{i}]", raw[i], DiagnosisCode.TryParse) is { } code)
            {
                if (codes.Contains(code))
                {
                    violations.Add($"diagnoses[{i}]", $"{code} is listed twice");
                }

                codes.Add(code);
            }
        }

        return codes.ToImmutable();
    }

    private static ImmutableArray<ServiceLine> CheckLines(Violations violations, IReadOnlyList<ServiceLineInput> raw, int diagnosisCount, DateOnly today)
    {
        if (raw.Count is 0 or > MaxLines)
        {
            violations.Add("lines", $"a claim has 1 to {MaxLines} service lines, not {raw.Count}");
        }

        var lines = ImmutableArray.CreateBuilder<ServiceLine>();
        var controlNumbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            var field = $"lines[{i}]";
            var input = raw[i];
            var code = violations.Check<ProcedureCode>($"{field}.code", input.Code, ProcedureCode.TryParse);
            var modifiers = CheckModifiers(violations, field, input.Modifiers ?? []);
            var charge = CheckCharge(violations, $"{field}.charge", input.Charge);
            var place = violations.Check<PlaceOfService>($"{field}.placeOfService", input.PlaceOfService, PlaceOfService.TryParse);
            CheckUnits(violations, $"{field}.units", input.Units);
            if (input.ServiceDate > today)
            {
                violations.Add($"{field}.serviceDate", $"{input.ServiceDate:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd})");
            }

            var pointers = CheckPointers(violations, $"{field}.diagnosisPointers", input.DiagnosisPointers ?? [], diagnosisCount);
            var controlNumber = string.IsNullOrWhiteSpace(input.LineControlNumber)
                ? (i + 1).ToString(CultureInfo.InvariantCulture)
                : input.LineControlNumber.Trim();
            if (controlNumber.Length > MaxLineControlNumberLength || !controlNumbers.Add(controlNumber))
            {
                violations.Add($"{field}.lineControlNumber", $"'{controlNumber}' must be unique on the claim and at most {MaxLineControlNumberLength} characters");
            }

            if (code is not null && charge is not null && place is not null)
            {
                lines.Add(new ServiceLine(i + 1, code.Value, modifiers, input.Units, charge.Value, input.ServiceDate, place.Value, pointers, controlNumber));
            }
        }

        return lines.ToImmutable();
    }

    private static ImmutableArray<Modifier> CheckModifiers(Violations violations, string field, IReadOnlyList<string?> raw)
    {
        if (raw.Count > Modifier.MaxPerLine)
        {
            violations.Add($"{field}.modifiers", $"a line carries at most {Modifier.MaxPerLine} modifiers, not {raw.Count}");
        }

        var modifiers = ImmutableArray.CreateBuilder<Modifier>();
        for (var m = 0; m < raw.Count; m++)
        {
            if (violations.Check<Modifier>($"{field}.modifiers[{m}]", raw[m], Modifier.TryParse) is { } modifier)
            {
                modifiers.Add(modifier);
            }
        }

        return modifiers.ToImmutable();
    }

    private static Money? CheckCharge(Violations violations, string field, decimal raw)
    {
        if (!Money.TryCreate(raw, out var charge, out var error))
        {
            violations.Add(field, error);
            return null;
        }

        if (!charge.IsPositive)
        {
            violations.Add(field, $"a charge must be more than zero, not {charge}");
            return null;
        }

        return charge;
    }

    private static void CheckUnits(Violations violations, string field, decimal units)
    {
        if (units <= 0m || units > 9999m || decimal.Round(units, 3) != units)
        {
            violations.Add(field, $"{units.ToString(CultureInfo.InvariantCulture)} is not a number of units: use more than 0 and at most 9999, with at most three decimals");
        }
    }

    private static ImmutableArray<int> CheckPointers(Violations violations, string field, IReadOnlyList<int> raw, int diagnosisCount)
    {
        if (raw.Count is 0 or > 4)
        {
            violations.Add(field, $"a line points to 1 to 4 of the claim's diagnoses, not {raw.Count}");
        }

        foreach (var pointer in raw)
        {
            if (pointer < 1 || pointer > diagnosisCount)
            {
                violations.Add(field, $"pointer {pointer} does not name one of the claim's {diagnosisCount} diagnoses (1 to {diagnosisCount})");
            }
        }

        if (raw.Distinct().Count() != raw.Count)
        {
            violations.Add(field, "a diagnosis is pointed to twice");
        }

        return [.. raw];
    }
}
