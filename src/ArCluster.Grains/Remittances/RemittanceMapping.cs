using System.Collections.Immutable;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Remittances;
using ArCluster.Domain;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Remittances;
using ArCluster.Domain.Validation;

namespace ArCluster.Grains.Remittances;

/// <summary>Wire remittances to validated domain ones, every bad field named by its path and segment.</summary>
internal static class RemittanceMapping
{
    public static RemittanceTransaction ToDomain(this RemittanceSubmission submission, Violations violations)
    {
        var payer = violations.Check<PayerId>("payerId", submission.PayerId, PayerId.TryParse);
        if (payer is { } parsed && parsed.Value != submission.PayerId)
        {
            violations.Add("payerId", $"payer id '{submission.PayerId}' must be sent as '{parsed.Value}' (trimmed, upper case), so one payer is always one key");
        }

        // Posting ids are built from payer and trace; both must read back from the journal unchanged.
        if (!PostingId.TryRestore($"era:{submission.PayerId}:{submission.TraceNumber}:1", out _, out _) || submission.TraceNumber.Length > PostingId.MaxLength)
        {
            violations.Add("traceNumber", $"payer id '{submission.PayerId}' and trace number (TRN02) '{submission.TraceNumber}' must each be 1 to {PostingId.MaxLength} letters, digits, '-', '_' or '.', starting with a letter or digit");
        }
        var total = WireValues.Amount(violations, "totalPayment", submission.TotalPayment);
        var claims = (submission.Claims.IsDefault ? [] : submission.Claims)
            .Select((c, i) => c.ToDomain(violations, $"claims[{i}] (segment {c.SegmentNumber}, CLP {c.PatientControlNumber})"))
            .ToImmutableArray();
        var provider = (submission.ProviderAdjustments.IsDefault ? [] : submission.ProviderAdjustments)
            .Select((p, i) => new ProviderAdjustmentItem(p.ReasonCode, p.Reference, WireValues.Amount(violations, $"providerAdjustments[{i}].amount", p.Amount)))
            .ToImmutableArray();
        return new RemittanceTransaction(payer ?? default, submission.TraceNumber, total, submission.PaymentDate, claims, provider);
    }

    public static RemittanceClaim ToDomain(this RemittanceClaimPayment claim, Violations violations, string field)
    {
        var id = violations.Check<ClaimId>($"{field}.patientControlNumber", claim.PatientControlNumber, ClaimId.TryParse);
        if (!ClaimPaymentStatuses.TryParse(claim.Status, out var status, out var statusError))
        {
            violations.Add($"{field}.status", statusError);
        }

        var services = (claim.Services.IsDefault ? [] : claim.Services)
            .Select((s, i) => s.ToDomain(violations, $"{field}.services[{i}] (segment {s.SegmentNumber}, SVC)"))
            .ToImmutableArray();
        return new RemittanceClaim(
            id ?? default,
            status,
            WireValues.Amount(violations, $"{field}.charge", claim.Charge),
            WireValues.Amount(violations, $"{field}.paid", claim.Paid),
            claim.PatientResponsibility is { } pr ? WireValues.Amount(violations, $"{field}.patientResponsibility", pr) : null,
            claim.PayerClaimControlNumber,
            WireValues.Adjustments(violations, $"{field}.adjustments", claim.Adjustments, ignoreCase: false),
            services,
            Remarks(violations, $"{field}.remarks", claim.Remarks),
            claim.CrossoverPayer);
    }

    private static RemittanceService ToDomain(this RemittanceServicePayment service, Violations violations, string field)
    {
        var code = violations.Check<ProcedureCode>($"{field}.code", service.Code, ProcedureCode.TryParse);
        ProcedureCode? original = service.OriginalCode is null ? null : violations.Check<ProcedureCode>($"{field}.originalCode", service.OriginalCode, ProcedureCode.TryParse);
        var modifiers = (service.Modifiers.IsDefault ? [] : service.Modifiers)
            .Select((m, i) => violations.Check<Modifier>($"{field}.modifiers[{i}]", m, Modifier.TryParse))
            .OfType<Modifier>()
            .ToImmutableArray();
        return new RemittanceService(
            code ?? default,
            modifiers,
            original,
            WireValues.Amount(violations, $"{field}.charge", service.Charge),
            WireValues.Amount(violations, $"{field}.paid", service.Paid),
            service.ServiceDate,
            service.LineControlNumber,
            service.Allowed is { } allowed ? WireValues.Amount(violations, $"{field}.allowed", allowed) : null,
            WireValues.Adjustments(violations, $"{field}.adjustments", service.Adjustments, ignoreCase: false),
            Remarks(violations, $"{field}.remarks", service.Remarks))
        {
            Units = service.Units > 0 ? service.Units : 1m,
        };
    }

    private static ImmutableArray<RemarkCode> Remarks(Violations violations, string field, ImmutableArray<string> raw) =>
        [.. (raw.IsDefault ? [] : raw).Select((r, i) => violations.Check<RemarkCode>($"{field}[{i}]", r, RemarkCode.TryParse)).OfType<RemarkCode>()];
}
