using System.Collections.Immutable;
using System.Globalization;

namespace ArCluster.X12.Remittance;

/// <summary>
/// The 835 balancing rules (X221A1 section 1.10.2): every one must hold before anything is posted.
/// <list type="bullet">
/// <item>service: SVC02 − ΣCAS(service) = SVC03</item>
/// <item>claim: CLP03 − ΣCAS(claim and its services) = CLP04</item>
/// <item>transaction: BPR02 (negative when BPR03 = D) = ΣCLP04 − ΣPLB amounts</item>
/// </list>
/// </summary>
public static class RemittanceValidator
{
    /// <summary>Every balancing failure of <paramref name="advice"/>, each naming the segment, the figures and the difference; empty when it balances.</summary>
    public static ImmutableArray<X12Error> Validate(RemittanceAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        ImmutableArray<X12Error>.Builder? errors = null;
        var claimPayments = 0m;
        foreach (var claim in advice.Claims)
        {
            claimPayments += claim.PaymentAmount;
            var adjustments = Sum(claim.Adjustments);
            var line = 0;
            foreach (var service in claim.Services)
            {
                line++;
                var serviceAdjustments = Sum(service.Adjustments);
                adjustments += serviceAdjustments;
                var expected = service.ChargeAmount - serviceAdjustments;
                if (expected != service.PaymentAmount)
                {
                    Add(ref errors, service.SegmentNumber, "SVC", 3,
                        $"service line {line} ({service.Procedure}) of claim {claim.PatientControlNumber} (segment {service.SegmentNumber}, SVC): charge {Money(service.ChargeAmount)} − adjustments {Money(serviceAdjustments)} = {Money(expected)}, but paid is {Money(service.PaymentAmount)} (off by {Money(service.PaymentAmount - expected)})");
                }
            }

            var claimExpected = claim.ChargeAmount - adjustments;
            if (claimExpected != claim.PaymentAmount)
            {
                Add(ref errors, claim.SegmentNumber, "CLP", 4,
                    $"claim {claim.PatientControlNumber} (segment {claim.SegmentNumber}, CLP): charge {Money(claim.ChargeAmount)} − adjustments {Money(adjustments)} = {Money(claimExpected)}, but paid is {Money(claim.PaymentAmount)} (off by {Money(claim.PaymentAmount - claimExpected)})");
            }
        }

        var providerAdjustments = 0m;
        foreach (var plb in advice.ProviderAdjustments)
        {
            foreach (var item in plb.Items)
            {
                providerAdjustments += item.Amount;
            }
        }

        var transactionExpected = claimPayments - providerAdjustments;
        if (transactionExpected != advice.NetPayment)
        {
            var bpr = advice.SegmentNumber + 1;
            var paid = advice.CreditDebitFlag == "D" ? $"{Money(advice.TotalActualPayment)} debit ({Money(advice.NetPayment)})" : Money(advice.TotalActualPayment);
            Add(ref errors, bpr, "BPR", 2,
                $"transaction {advice.TransactionControlNumber} (segment {bpr}, BPR): claim payments {Money(claimPayments)} − provider adjustments {Money(providerAdjustments)} = {Money(transactionExpected)}, but the total payment BPR02 is {paid} (off by {Money(advice.NetPayment - transactionExpected)})");
        }

        return errors?.ToImmutable() ?? [];
    }

    private static decimal Sum(ImmutableArray<ClaimAdjustment> adjustments)
    {
        var total = 0m;
        foreach (var adjustment in adjustments)
        {
            total += adjustment.Amount;
        }

        return total;
    }

    private static void Add(ref ImmutableArray<X12Error>.Builder? errors, long segment, string id, int element, string message)
    {
        errors ??= ImmutableArray.CreateBuilder<X12Error>();
        errors.Add(new X12Error(X12ErrorKind.Balancing, message) { SegmentNumber = segment, SegmentId = id, Element = element, MessageNamesLocation = true });
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
