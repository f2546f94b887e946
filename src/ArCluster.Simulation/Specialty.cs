namespace ArCluster.Simulation;

/// <summary>What a simulated practice does, which decides its patients, visits, codes and charges.</summary>
public enum Specialty
{
    FamilyMedicine,
    Orthopedics,
    Pediatrics,
}
