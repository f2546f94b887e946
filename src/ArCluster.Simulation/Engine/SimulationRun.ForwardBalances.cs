using ArCluster.Simulation.Remittances;

namespace ArCluster.Simulation.Engine;

internal sealed partial class SimulationRun
{
    /// <summary>What each payer (by practice) has still to take back after a transaction that came out negative.</summary>
    private readonly Dictionary<(int Payer, int Practice), List<(string Reference, decimal Amount)>> _forwardBalances = [];

    /// <summary>
    /// A correction that pays less than the payment it reverses can leave the transaction owing the
    /// payer. Payers do not send a negative payment: a PLB FB (forwarding balance, negative) brings
    /// BPR02 to zero and the balance is taken back with positive FBs from the next payments.
    /// </summary>
    private void ForwardBalance(RemittanceTransaction transaction, PracticeExpectations expected)
    {
        var key = (transaction.Payer.Index, transaction.Practice.Index);
        if (_forwardBalances.TryGetValue(key, out var owed))
        {
            while (owed.Count > 0 && transaction.Total > 0m)
            {
                var (reference, amount) = owed[0];
                var taken = Math.Min(amount, transaction.Total);
                transaction.ProviderAdjustments.Add(new ProviderAdjustment("FB", reference, taken));
                expected.ForwardBalance += taken;
                if (taken < amount)
                {
                    owed[0] = (reference, amount - taken);
                }
                else
                {
                    owed.RemoveAt(0);
                }
            }

            if (owed.Count == 0)
            {
                _forwardBalances.Remove(key);
            }
        }

        if (transaction.Total < 0m)
        {
            var shortfall = -transaction.Total;
            var reference = transaction.Claims.Last(c => c.Status == "22").PayerClaimNumber;
            transaction.ProviderAdjustments.Add(new ProviderAdjustment("FB", reference, -shortfall));
            expected.ForwardBalance -= shortfall;
            if (!_forwardBalances.TryGetValue(key, out var balances))
            {
                _forwardBalances[key] = balances = [];
            }

            balances.Add((reference, shortfall));
        }
    }
}
