using System.Collections.Immutable;
using ArCluster.Abstractions.Remittances;

namespace ArCluster.Grains.Remittances;

internal static class RemittanceReports
{
    public static RemittanceReport Refused(string practiceId, RemittanceSubmission submission, RemittanceOutcome outcome, IEnumerable<string> reasons, string? firstPostedFrom = null) =>
        RemittanceReport.Refused(practiceId, submission.PayerId, submission.TraceNumber, submission.ControlNumber, submission.TotalPayment, outcome, reasons, firstPostedFrom);

    public static RemittanceReport Posted(
        string practiceId,
        RemittanceSubmission submission,
        IReadOnlyList<ClaimRemittanceResult> results,
        ImmutableArray<Underpayment> underpayments)
    {
        var claims = submission.Claims;
        var posted = results.Select((r, i) => (Result: r, Claim: claims[i])).Where(x => x.Result.Posted).ToArray();
        var adjusted = posted
            .SelectMany(x => x.Result.AdjustedByGroup)
            .GroupBy(kv => kv.Key)
            .ToImmutableDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        return new RemittanceReport(
            practiceId,
            submission.PayerId,
            submission.TraceNumber,
            submission.ControlNumber,
            RemittanceOutcome.Posted,
            [],
            submission.TotalPayment,
            posted.Length,
            posted.Sum(x => x.Result.Paid),
            adjusted,
            posted.Sum(x => x.Result.PatientResponsibility),
            [.. posted.Where(x => x.Result.Denied).Select(x => new DeniedClaim(x.Claim.PatientControlNumber, x.Claim.Charge, x.Result.Reasons, x.Result.Remarks))],
            [.. results.Select((r, i) => (Result: r, Claim: claims[i])).Where(x => !x.Result.Posted)
                .Select(x => new UnappliedClaimPayment(x.Claim.PatientControlNumber, x.Claim.Status, x.Claim.Charge, x.Claim.Paid, x.Result.NotPostedReason ?? "not posted"))],
            submission.ProviderAdjustments.IsDefault ? [] : submission.ProviderAdjustments,
            underpayments,
            posted.Count(x => x.Result.Reversal),
            [.. posted.Where(x => x.Claim.Status is "19" or "20" or "21").Select(x => x.Claim.PatientControlNumber)],
            submission.SourceFile)
        {
            FirstAdjudications = posted.Count(x => x.Result.FirstAdjudication),
            FirstPassDenials = posted.Count(x => x.Result.FirstAdjudication && x.Result.Denied),
        };
    }
}
