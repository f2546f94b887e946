using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Reconciliation;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Deposits;

/// <summary>Checks a deposit as a bank file or a person gave it; reports every bad field at once.</summary>
public static class BankDepositRules
{
    public const int MaxReferenceLength = 50;

    public static BankDeposit? Check(
        string? practiceId, DateOnly depositDate, decimal amount, string? method, string? reference, string? payerId, string? bankAccount, string? bankReference, Violations violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var practice = violations.Check<PracticeId>("practice", practiceId, PracticeId.TryParse);
        Money? money = null;
        if (!Money.TryCreate(amount, out var exact, out var amountError))
        {
            violations.Add("amount", amountError);
        }
        else if (!exact.IsPositive)
        {
            violations.Add("amount", "a deposit is a positive amount; a returned deposit is a reversal of the deposit");
        }
        else
        {
            money = exact;
        }

        // Names only: Enum.TryParse would also take "2" or "Ach,Check".
        DepositMethod? parsedMethod = Enum.GetValues<DepositMethod>()
            .Select(m => (DepositMethod?)m)
            .FirstOrDefault(m => m.ToString()!.Equals(method?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (parsedMethod is null)
        {
            violations.Add("method", $"'{method}' is not a deposit method: use Ach, Check, Wire or Other");
        }

        // The key reassociation matches on, kept safe to use in a posting id.
        var key = reference is null ? string.Empty : Reassociation.Normalize(reference);
        if (key.Length == 0 || key.Length > MaxReferenceLength || !char.IsAsciiLetterOrDigit(key[0]) || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            violations.Add("reference", $"'{reference}' is not a trace or check number: 1–{MaxReferenceLength} letters, digits, '-' or '.', starting with a letter or digit; without one the deposit cannot be matched to its 835");
        }

        if (violations.Any || practice is null || money is null || parsedMethod is null)
        {
            return null;
        }

        return new BankDeposit(practice.Value, depositDate, money.Value, parsedMethod.Value, key, Blank(payerId), Blank(bankAccount), Blank(bankReference));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
