using System.Collections.Immutable;
using ArCluster.Abstractions.Claims;
using ArCluster.Simulation.Patients;

namespace ArCluster.Simulation.Visits;

/// <summary>A claim as the simulation bills it, with the patient it is for.</summary>
internal sealed record SimulatedClaim(
    int Index,
    string ClaimId,
    DateOnly ServiceDate,
    SimulatedProvider Provider,
    Patient Patient,
    ImmutableArray<string> Diagnoses,
    ImmutableArray<ClaimLine> Lines)
{
    public decimal Charge { get; } = Lines.Sum(l => l.Charge);

    public bool IsSelfPay => Patient.PrimaryPayer is null;

    public NewClaim ToNewClaim(SimulatedPractice practice) => new(
        practice.PracticeId,
        ClaimId,
        Patient.AccountId,
        Patient.Primary,
        Patient.Secondary,
        practice.Npi,
        Provider.Npi,
        Diagnoses,
        [.. Lines.Select(l => new NewServiceLine(l.Code, l.Modifiers, l.Units, l.Charge, ServiceDate, l.PlaceOfService, l.Pointers, l.ControlNumber))]);
}
