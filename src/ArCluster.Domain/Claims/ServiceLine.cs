using System.Collections.Immutable;
using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Claims;

/// <summary>
/// One billed service (837P loop 2400): procedure and modifiers, units, charge, date and place of
/// service, pointers into the claim's diagnoses, and the line item control number (REF*6R) the
/// payer echoes on the 835 to match its payment to this line.
/// </summary>
public sealed record ServiceLine(
    int LineNumber,
    ProcedureCode Code,
    ImmutableArray<Modifier> Modifiers,
    decimal Units,
    Money Charge,
    DateOnly ServiceDate,
    PlaceOfService PlaceOfService,
    ImmutableArray<int> DiagnosisPointers,
    string LineControlNumber);
