using ArCluster.Simulation.Remittances;

namespace ArCluster.Simulation.Engine;

internal sealed partial class SimulationRun
{
    /// <summary>Counts what the transaction says into the practice's expected figures.</summary>
    private void Expect(RemittanceTransaction transaction)
    {
        var expected = _expected[transaction.Practice.Index];
        var byPayer = _expectedByPayer[transaction.Practice.Index][transaction.Payer.Index];
        foreach (var claim in transaction.Claims)
        {
            if (UnknownClaims.IsUnknown(claim))
            {
                expected.UnknownClaimPayments++;
                expected.UnappliedPayments += claim.Paid;
                continue;
            }

            expected.PayerPayments += claim.Paid;
            byPayer.Payments += claim.Paid;
            if (claim.Status == "2")
            {
                expected.SecondaryPayments += claim.Paid;
            }

            expected.ContractualAdjustments += claim.Adjusted("CO");
            expected.PriorPayerAdjustments += claim.PriorPayerImpact;
            expected.PatientResponsibility += claim.PatientResponsibility;

            // On a crossover the patient's share becomes the secondary payer's to pay.
            if (claim.Status != "19")
            {
                expected.PatientBalance += claim.PatientResponsibility;
            }
        }

        expected.ProviderAdjustments += transaction.ProviderAdjustmentTotal;
        expected.RemittanceTransactions++;
        expected.RemittanceTotal += transaction.Total;
        byPayer.RemittanceTransactions++;
        byPayer.RemittanceTotal += transaction.Total;
        switch (transaction.Method)
        {
            case "ACH":
                expected.EftTransactions++;
                break;
            case "CHK":
                expected.CheckTransactions++;
                break;
            default:
                expected.NoPaymentTransactions++;
                break;
        }
    }
}
