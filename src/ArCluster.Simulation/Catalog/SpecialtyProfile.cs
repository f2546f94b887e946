using ArCluster.Simulation.Patients;

namespace ArCluster.Simulation.Catalog;

/// <summary>What a specialty's practices look like: names, claim number prefix, payer mix and the codes they bill.</summary>
internal sealed record SpecialtyProfile(
    Specialty Specialty,
    string Slug,
    string Title,
    string ClaimPrefix,
    (CoverageKind Kind, int Weight)[] CoverageMix,
    bool Children,
    string[] Codes)
{
    public static SpecialtyProfile Of(Specialty specialty) => specialty switch
    {
        Specialty.FamilyMedicine => FamilyMedicine,
        Specialty.Orthopedics => Orthopedics,
        Specialty.Pediatrics => Pediatrics,
        _ => throw new ArgumentOutOfRangeException(nameof(specialty), specialty, "not a specialty the simulation models"),
    };

    private static readonly SpecialtyProfile FamilyMedicine = new(
        Specialty.FamilyMedicine, "family-medicine", "Family Medicine", "FM",
        [(CoverageKind.Commercial, 52), (CoverageKind.Medicare, 24), (CoverageKind.MedicareMedicaid, 9), (CoverageKind.Medicaid, 8), (CoverageKind.SelfPay, 7)],
        false,
        ["99212", "99213", "99214", "99215", "99392", "99393", "99394", "99395", "99396", "99397", "G0439",
         "36415", "85025", "80053", "80061", "83036", "84443", "81002", "87880", "93000",
         "90686", "90471", "G0008", "20610", "J1030", "J3301"]);

    private static readonly SpecialtyProfile Orthopedics = new(
        Specialty.Orthopedics, "orthopedics", "Orthopedics", "OR",
        [(CoverageKind.Commercial, 48), (CoverageKind.Medicare, 32), (CoverageKind.MedicareMedicaid, 10), (CoverageKind.Medicaid, 5), (CoverageKind.SelfPay, 5)],
        false,
        ["99203", "99204", "99205", "99213", "99214", "99215", "20610", "20611", "J1030", "J3301",
         "73560", "73562", "73030", "72100", "73610", "29881", "97110", "97140", "L1830"]);

    private static readonly SpecialtyProfile Pediatrics = new(
        Specialty.Pediatrics, "pediatrics", "Pediatrics", "PD",
        [(CoverageKind.Commercial, 55), (CoverageKind.Medicaid, 40), (CoverageKind.SelfPay, 5)],
        true,
        ["99212", "99213", "99214", "99381", "99382", "99383", "99384", "99391", "99392", "99393", "99394",
         "96110", "99173", "92551", "90460", "90461", "90700", "90707", "90716", "90633", "90744", "90648",
         "90651", "90734", "90715", "90686", "87880", "87804", "94640", "J7613"]);
}
