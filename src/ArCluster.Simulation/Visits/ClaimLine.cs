using System.Collections.Immutable;
using ArCluster.Simulation.Catalog;

namespace ArCluster.Simulation.Visits;

/// <summary>A billed service line: what the 837 carries and the 835 echoes (SVC01, SVC02, DTM*472, REF*6R).</summary>
internal sealed record ClaimLine(
    int Number,
    Procedure Procedure,
    ImmutableArray<string> Modifiers,
    decimal Units,
    decimal Charge,
    string PlaceOfService,
    ImmutableArray<int> Pointers,
    string ControlNumber)
{
    public string Code => Procedure.Code;
}
