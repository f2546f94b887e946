using System.Collections.Immutable;
using System.Globalization;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Patients;
using ArCluster.Simulation.Practices;
using ArCluster.Simulation.Randomness;

namespace ArCluster.Simulation.Visits;

/// <summary>Builds claim <c>n</c> of a practice — its patient, diagnoses and services — from (seed, practice, n) alone.</summary>
internal static class ClaimFactory
{
    public static SimulatedClaim Create(SimulationOptions options, PracticeModel practice, int index)
    {
        var (day, provider) = practice.Schedule.Locate(index);
        return Create(options, practice, index, day, provider);
    }

    /// <summary>As <see cref="Create(SimulationOptions, PracticeModel, int)"/> when the day and provider are known already.</summary>
    public static SimulatedClaim Create(SimulationOptions options, PracticeModel practice, int index, DateOnly day, int provider)
    {
        var random = Streams.Of(options.Seed, Purpose.Visit, practice.Index, index);
        var patient = PatientFactory.Create(options.Seed, practice, random.Next(practice.Practice.Accounts), options.Start);
        var visit = new VisitDraft();
        var context = new VisitContext(random, patient, day, patient.AgeOn(day));
        switch (practice.Specialty.Specialty)
        {
            case Specialty.FamilyMedicine:
                FamilyMedicineVisits.Build(visit, context);
                break;
            case Specialty.Orthopedics:
                OrthopedicsVisits.Build(visit, context);
                break;
            default:
                PediatricsVisits.Build(visit, context);
                break;
        }

        var claimId = ClaimId(practice.Practice.ClaimPrefix, day.Year, index);
        var lines = ImmutableArray.CreateBuilder<ClaimLine>(visit.Lines.Count);
        foreach (var draft in visit.Lines)
        {
            var number = lines.Count + 1;
            lines.Add(new ClaimLine(
                number,
                Procedures.Of(draft.Code),
                draft.Modifiers,
                draft.Units,
                practice.ChargeOf(draft.Code) * draft.Units,
                draft.PlaceOfService,
                draft.Pointers,
                string.Create(CultureInfo.InvariantCulture, $"{claimId}-{number}")));
        }

        return new SimulatedClaim(index, claimId, day, practice.Practice.Providers[provider], patient, [.. visit.Diagnoses], lines.MoveToImmutable());
    }

    /// <summary>The patient control number (CLM01 / CLP01): FM-2026-000123.</summary>
    public static string ClaimId(string prefix, int year, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{index + 1:D6}");
}
