using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Remittances;
using ArCluster.X12.Remittance;

namespace ArCluster.Client;

/// <summary>A parsed 835 transaction as the cluster receives it.</summary>
internal static class RemittanceSubmissions
{
    public static RemittanceSubmission From(RemittanceAdvice advice, string sourceFile, int transactionIndex) => new(
        sourceFile,
        transactionIndex,
        advice.TransactionControlNumber,
        PayerIdOf(advice),
        advice.Payer.Name,
        advice.Payee.IdQualifier == "XX" ? advice.Payee.Id : null,
        advice.Payee.FederalTaxId,
        advice.TraceNumber.Trim(),
        advice.TotalActualPayment,
        advice.PaymentMethod,
        advice.PaymentDate,
        [.. advice.Claims.Select(ToWire)],
        [.. advice.ProviderAdjustments.SelectMany(p => p.Items).Select(i => new ProviderAdjustmentLine(i.ReasonCode, i.Reference, i.Amount))]);

    /// <summary>The payer's id: REF*2U when the payer sends it, else its N1*PR id, else the trace's originating company (TRN03).</summary>
    private static string PayerIdOf(RemittanceAdvice advice) =>
        (advice.Payer.PayerId ?? advice.Payer.Id ?? advice.OriginatingCompanyId).Trim().ToUpperInvariant();

    private static RemittanceClaimPayment ToWire(ClaimPayment claim) => new(
        claim.PatientControlNumber,
        claim.StatusCode,
        claim.ChargeAmount,
        claim.PaymentAmount,
        claim.PatientResponsibilityAmount,
        claim.PayerClaimControlNumber,
        [.. claim.Adjustments.Select(ToWire)],
        [.. claim.Services.Select(ToWire)],
        claim.RemarkCodes,
        claim.CrossoverPayer?.Name,
        checked((int)claim.SegmentNumber));

    private static RemittanceServicePayment ToWire(ServicePayment service) => new(
        service.Procedure.Code,
        service.Procedure.Modifiers,
        service.OriginalProcedure?.Code,
        service.ChargeAmount,
        service.PaymentAmount,
        service.ServiceDate ?? service.ServicePeriodStart,
        service.LineItemControlNumber,
        service.AllowedAmount,
        [.. service.Adjustments.Select(ToWire)],
        service.RemarkCodes,
        checked((int)service.SegmentNumber))
    {
        Units = service.Units,
    };

    private static CasAdjustment ToWire(ClaimAdjustment adjustment) => new(adjustment.Group, adjustment.Reason, adjustment.Amount);
}
