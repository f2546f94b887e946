using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Practices;

/// <summary>Raw practice data as staff type it or an API sends it, before any rule is applied.</summary>
public sealed record PracticeProfileInput(
    string? PracticeId,
    string? Name,
    string? Npi,
    string? TaxId,
    IReadOnlyList<PracticePayerInput>? Payers,
    AgingBasis AgingBasis,
    IReadOnlyList<string?>? DepositAccounts = null);

public sealed record PracticePayerInput(string? PayerId, string? Name, PayerKind Kind, int TimelyFilingDays);

/// <summary>The rules a practice registration must satisfy; reports every broken rule at once.</summary>
public static class PracticeProfileRules
{
    public const int MaxNameLength = 120;

    public static PracticeProfile Validate(PracticeProfileInput input)
    {
        var violations = new Violations();
        var practiceId = violations.Check<PracticeId>("practiceId", input.PracticeId, PracticeId.TryParse);
        var name = CheckName(violations, "name", input.Name);
        var npi = violations.Check<Npi>("npi", input.Npi, Npi.TryParse);
        var taxId = violations.Check<TaxId>("taxId", input.TaxId, TaxId.TryParse);
        if (!Enum.IsDefined(input.AgingBasis))
        {
            violations.Add("agingBasis", $"'{input.AgingBasis}' is not an aging basis: use DateOfService or Submission");
        }

        var payers = CheckPayers(violations, input.Payers ?? []);
        var depositAccounts = CheckDepositAccounts(violations, input.DepositAccounts ?? []);
        violations.ThrowIfAny($"Practice '{input.PracticeId}'");
        return new PracticeProfile(practiceId!.Value, name!, npi!.Value, taxId!.Value, payers, input.AgingBasis, depositAccounts);
    }

    /// <summary>Sorted, so the same accounts in another order are the same profile (and not a conflicting registration).</summary>
    private static ImmutableArray<BankAccountNumber> CheckDepositAccounts(Violations violations, IReadOnlyList<string?> inputs)
    {
        var accounts = new List<BankAccountNumber>(inputs.Count);
        var firstSeen = new Dictionary<BankAccountNumber, int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"depositAccounts[{i}]";
            if (violations.Check<BankAccountNumber>(field, inputs[i], BankAccountNumber.TryParse) is not { } account)
            {
                continue;
            }

            // The number stays out of the message: it is the index that tells staff which entry to remove.
            if (!firstSeen.TryAdd(account, i))
            {
                violations.Add(field, $"is listed more than once (also depositAccounts[{firstSeen[account]}])");
                continue;
            }

            accounts.Add(account);
        }

        return [.. accounts.OrderBy(a => a.Value, StringComparer.Ordinal)];
    }

    private static ImmutableArray<PracticePayer> CheckPayers(Violations violations, IReadOnlyList<PracticePayerInput> inputs)
    {
        var payers = ImmutableArray.CreateBuilder<PracticePayer>(inputs.Count);
        var seen = new HashSet<PayerId>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var field = $"payers[{i}]";
            var payerId = violations.Check<PayerId>($"{field}.payerId", input.PayerId, PayerId.TryParse);
            var name = CheckName(violations, $"{field}.name", input.Name);
            if (!Enum.IsDefined(input.Kind))
            {
                violations.Add($"{field}.kind", $"'{input.Kind}' is not a payer kind");
            }

            if (input.TimelyFilingDays is < 1 or > PracticePayer.MaxTimelyFilingDays)
            {
                violations.Add($"{field}.timelyFilingDays",
                    $"{input.TimelyFilingDays} is outside 1 to {PracticePayer.MaxTimelyFilingDays} days");
            }

            if (payerId is { } id && !seen.Add(id))
            {
                violations.Add($"{field}.payerId", $"payer '{id}' is listed more than once");
            }

            if (payerId is { } ok && name is not null)
            {
                payers.Add(new PracticePayer(ok, name, input.Kind, input.TimelyFilingDays));
            }
        }

        return payers.ToImmutable();
    }

    private static string? CheckName(Violations violations, string field, string? raw)
    {
        var name = raw?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            violations.Add(field, "is required");
            return null;
        }

        if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            violations.Add(field, $"must be at most {MaxNameLength} printable characters");
            return null;
        }

        return name;
    }
}
