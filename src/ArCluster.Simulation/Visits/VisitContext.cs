using ArCluster.Simulation.Patients;
using ArCluster.Simulation.Randomness;

namespace ArCluster.Simulation.Visits;

/// <summary>What a visit's rules decide from: the patient, their age on the day, the season.</summary>
internal sealed record VisitContext(SimRandom Random, Patient Patient, DateOnly Day, int Age)
{
    /// <summary>Influenza vaccines are given September through March.</summary>
    public bool FluSeason => Day.Month is >= 9 or <= 3;

    public bool OnMedicare => Patient.Coverage is CoverageKind.Medicare or CoverageKind.MedicareMedicaid;

    /// <summary>Right or left, as the RT/LT modifier says it.</summary>
    public string Side() => Random.Chance(0.5) ? "RT" : "LT";

    public string Pick(ReadOnlySpan<(string Code, int Weight)> choices)
    {
        Span<int> weights = stackalloc int[choices.Length];
        for (var i = 0; i < choices.Length; i++)
        {
            weights[i] = choices[i].Weight;
        }

        return choices[Random.Weighted(weights)].Code;
    }
}
