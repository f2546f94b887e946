using ArCluster.Abstractions.Practices;

namespace ArCluster.Testing;

/// <summary>Valid practice registrations for tests (NPIs carry correct check digits).</summary>
public static class SamplePractices
{
    public static PracticeRegistration Family(string practiceId) => new(
        practiceId,
        "Riverside Family Medicine",
        "1234567893",
        "12-3456789",
        [
            new PayerRegistration("00431", "Medicare Part B (Noridian JE)", PayerKind.Medicare, 365),
            new PayerRegistration("SKCA0", "Medi-Cal", PayerKind.Medicaid, 365),
            new PayerRegistration("87726", "UnitedHealthcare", PayerKind.Commercial, 90),
        ]);
}
