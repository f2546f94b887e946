using ArCluster.BankFiles;

namespace ArCluster.Simulation.Tests;

/// <summary>
/// Reassociation as ArCluster defines it, redone here from the files alone: per practice, 835s
/// (TRN02, BPR02) and deposits (trace or check number, amount) grouped by reference without case,
/// spaces or leading zeros.
/// </summary>
public static class Reassociate
{
    public static (int Matched, int AmountMismatch, int RemittanceWithoutDeposit, int DepositWithoutRemittance) Practice(GeneratedRun run, SimulatedPractice practice)
    {
        var advices = run.Remittances.Where(r => r.Practice == practice).Select(r => (Key: Normalize(r.Advice.TraceNumber), Amount: r.Advice.TotalActualPayment, Advice: true));
        var deposits = DepositsOf(run, practice).Select(d => (Key: Normalize(d.Reference), d.Amount, Advice: false));
        var (matched, mismatched, noDeposit, noAdvice) = (0, 0, 0, 0);
        foreach (var reference in advices.Concat(deposits).GroupBy(i => i.Key, StringComparer.Ordinal))
        {
            var announced = reference.Where(i => i.Advice).Sum(i => i.Amount);
            var deposited = reference.Where(i => !i.Advice).Sum(i => i.Amount);
            switch (reference.Any(i => i.Advice), reference.Any(i => !i.Advice))
            {
                case (true, false) when announced == 0m:
                    matched++;
                    break;
                case (true, false):
                    noDeposit++;
                    break;
                case (false, _):
                    noAdvice++;
                    break;
                default:
                    _ = announced == deposited ? matched++ : mismatched++;
                    break;
            }
        }

        return (matched, mismatched, noDeposit, noAdvice);
    }

    public static IEnumerable<BankDeposit> DepositsOf(GeneratedRun run, SimulatedPractice practice) =>
        run.BankDeposits.Where(d => d.BankAccount == practice.DepositAccount);

    public static string Normalize(string reference)
    {
        var trimmed = reference.Trim().ToUpperInvariant().TrimStart('0');
        return trimmed.Length == 0 && reference.Trim().Length > 0 ? "0" : trimmed;
    }
}
