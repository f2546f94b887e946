using ArCluster.Abstractions.Practices;

namespace ArCluster.Testing;

/// <summary>Valid practice registrations for tests (NPIs carry correct check digits).</summary>
public static class SamplePractices
{
    public static PracticeRegistration Family(string practiceId) => new(
        practiceId,
        "Riverside Family Medicine",
        NpiFor(practiceId),
        "12-3456789",
        [
            new PayerRegistration("00431", "Medicare Part B (Noridian JE)", PayerKind.Medicare, 365),
            new PayerRegistration("SKCA0", "Medi-Cal", PayerKind.Medicaid, 365),
            new PayerRegistration("87726", "UnitedHealthcare", PayerKind.Commercial, 90),
        ]);

    /// <summary>
    /// A valid NPI (Luhn check digit with the 80840 prefix) of its own for each practice id: an NPI
    /// routes 835s to one practice only, so practices in one cluster cannot share it.
    /// </summary>
    public static string NpiFor(string practiceId)
    {
        var hash = 2166136261u;
        foreach (var c in practiceId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        var stem = 100_000_000 + (hash % 900_000_000);
        for (var digit = 0; digit < 10; digit++)
        {
            var candidate = $"{stem}{digit}";
            if (ArCluster.Domain.Identifiers.Npi.TryParse(candidate, out _, out _))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Exactly one check digit makes a valid NPI.");
    }
}
