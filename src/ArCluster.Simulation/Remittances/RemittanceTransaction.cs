using ArCluster.Simulation.Adjudication;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Practices;

namespace ArCluster.Simulation.Remittances;

/// <summary>
/// One 835 transaction set: a payer's payment to one practice on one payment day, with every claim
/// payment and provider-level adjustment it carries. BPR02 = ΣCLP04 − ΣPLB by construction.
/// </summary>
internal sealed class RemittanceTransaction(PracticeModel practice, PayerProfile payer, DateOnly paymentDate)
{
    public PracticeModel Practice { get; } = practice;

    public PayerProfile Payer { get; } = payer;

    public DateOnly PaymentDate { get; } = paymentDate;

    public List<RemittedClaim> Claims { get; } = [];

    public List<ProviderAdjustment> ProviderAdjustments { get; } = [];

    /// <summary>ACH, CHK or NON (nothing paid).</summary>
    public string Method { get; set; } = "NON";

    /// <summary>TRN02: the EFT trace number or the check number.</summary>
    public string TraceNumber { get; set; } = "";

    public decimal ClaimPayments => Claims.Sum(c => c.Paid);

    public decimal ProviderAdjustmentTotal => ProviderAdjustments.Sum(a => a.Amount);

    /// <summary>BPR02.</summary>
    public decimal Total => ClaimPayments - ProviderAdjustmentTotal;
}
