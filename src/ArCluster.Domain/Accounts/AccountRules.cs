using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Accounts;

/// <summary>The rules an account must meet to be opened. Without a guarantor, the patient is their own.</summary>
public static class AccountRules
{
    public const int MaxNameLength = 60;

    public static AccountDetails Validate(AccountInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var violations = new Violations();
        var practiceId = violations.Check<PracticeId>("practiceId", input.PracticeId, PracticeId.TryParse);
        var accountId = violations.Check<AccountId>("accountId", input.AccountId, AccountId.TryParse);
        var patient = CheckPerson(violations, "patient", input.Patient, today);
        var guarantor = input.Guarantor is null ? patient : CheckPerson(violations, "guarantor", input.Guarantor, today);
        violations.ThrowIfAny($"Account '{input.AccountId}'");
        return new AccountDetails(practiceId!.Value, accountId!.Value, patient!, guarantor!);
    }

    private static Person? CheckPerson(Violations violations, string field, PersonInput? input, DateOnly today)
    {
        if (input is null)
        {
            violations.Add(field, "is required");
            return null;
        }

        var first = CheckName(violations, $"{field}.firstName", input.FirstName);
        var last = CheckName(violations, $"{field}.lastName", input.LastName);
        if (input.DateOfBirth is { } born && (born > today || born < today.AddYears(-130)))
        {
            // The value itself is PHI, so the message does not repeat it.
            violations.Add($"{field}.dateOfBirth", "must be a date in the last 130 years and not in the future");
        }

        return first is null || last is null ? null : new Person(first, last, input.DateOfBirth);
    }

    private static string? CheckName(Violations violations, string field, string? raw)
    {
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length is 0 or > MaxNameLength || text.Any(char.IsControl) || text.IndexOfAny(['*', '~', ':', '^']) >= 0)
        {
            violations.Add(field, $"must be 1 to {MaxNameLength} characters, without control characters or X12 delimiters (* ~ : ^)");
            return null;
        }

        return text;
    }
}
