using ArCluster.Abstractions.Remittances;
using ArCluster.Domain;
using ArCluster.Domain.Worklists;

namespace ArCluster.Grains.Remittances;

/// <summary>
/// What a posted remittance leaves for billers: claim payments it could not apply (money with no
/// claim to go to) and lines paid below the fee schedule. Keys are derived from the payer, trace
/// and claim payment, so posting the unapplied payments later simply clears their items.
/// </summary>
internal static class RemittanceWorklist
{
    public static string Scope(RemittanceSubmission remittance) => $"remittance:{remittance.PayerId}/{remittance.TraceNumber}";

    public static IReadOnlyList<WorklistEntry> Entries(RemittanceSubmission remittance, IReadOnlyList<ClaimRemittanceResult> results, IEnumerable<Underpayment> underpayments, DateOnly today)
    {
        var entries = new List<WorklistEntry>();
        for (var i = 0; i < results.Count; i++)
        {
            var payment = remittance.Claims[i];
            if (!results[i].Posted && payment.Paid != 0m)
            {
                entries.Add(new WorklistEntry(
                    $"remittance/{remittance.PayerId}/{remittance.TraceNumber}/unapplied/{i + 1}", WorklistKind.UnappliedPayment, payment.PatientControlNumber, null,
                    remittance.PayerId, Money.Of(payment.Paid), results[i].NotPostedReason ?? "not posted", today, null)
                {
                    Detail = $"claim payment {i + 1} of trace {remittance.TraceNumber} paid {payment.Paid:0.00}; enter or fix the claim, then post the unapplied payments",
                });
            }
        }

        foreach (var group in underpayments.GroupBy(u => (u.ClaimId, u.Code)))
        {
            var allowed = group.Sum(u => u.Allowed);
            var expected = group.Sum(u => u.Expected);
            entries.Add(new WorklistEntry(
                $"{group.Key.ClaimId}/underpaid/{remittance.PayerId}/{remittance.TraceNumber}/{group.Key.Code}", WorklistKind.Underpayment, group.Key.ClaimId, null,
                remittance.PayerId, Money.Of(expected - allowed), $"{group.Key.Code} allowed {allowed:0.00}, fee schedule expects {expected:0.00}", today, null)
            {
                Detail = $"trace {remittance.TraceNumber}, paid {remittance.PaymentDate:yyyy-MM-dd}",
            });
        }

        return entries;
    }
}
