using System.Collections.Immutable;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Claims;

/// <summary>
/// What was billed, as entered: who (practice, account, billing and rendering NPIs), to whom
/// (primary and optional secondary coverage; no primary means self-pay), why (diagnoses) and what
/// (service lines). Only <see cref="ClaimRules"/> creates one, so every instance is valid.
/// </summary>
public sealed record ClaimDetails(
    PracticeId PracticeId,
    ClaimId ClaimId,
    AccountId AccountId,
    Coverage? Primary,
    Coverage? Secondary,
    Npi BillingProvider,
    Npi RenderingProvider,
    ImmutableArray<DiagnosisCode> Diagnoses,
    ImmutableArray<ServiceLine> Lines)
{
    public Money TotalCharge => Money.Sum(Lines.Select(l => l.Charge));

    public DateOnly FirstServiceDate => Lines.Min(l => l.ServiceDate);

    /// <summary>Who a new charge is billed to first: the primary payer, or the patient when self-pay.</summary>
    public Ledger.ResponsibleParty FirstResponsibleParty => Primary is null ? Ledger.ResponsibleParty.Patient : Ledger.ResponsibleParty.Primary;

    public Coverage? CoverageOf(Ledger.ResponsibleParty party) => party switch
    {
        Ledger.ResponsibleParty.Primary => Primary,
        Ledger.ResponsibleParty.Secondary => Secondary,
        _ => null,
    };

    /// <summary>Whether the claim has someone in that role: always true for the patient.</summary>
    public bool Has(Ledger.ResponsibleParty party) => party == Ledger.ResponsibleParty.Patient || CoverageOf(party) is not null;

    /// <summary>The same claim as entered, compared field by field (arrays by content).</summary>
    public bool SameAs(ClaimDetails other) =>
        this with { Diagnoses = [], Lines = [] } == other with { Diagnoses = [], Lines = [] }
        && Diagnoses.SequenceEqual(other.Diagnoses)
        && Lines.Length == other.Lines.Length
        && Lines.Zip(other.Lines).All(pair => SameLine(pair.First, pair.Second));

    private static bool SameLine(ServiceLine a, ServiceLine b) =>
        a with { Modifiers = [], DiagnosisPointers = [] } == b with { Modifiers = [], DiagnosisPointers = [] }
        && a.Modifiers.SequenceEqual(b.Modifiers)
        && a.DiagnosisPointers.SequenceEqual(b.DiagnosisPointers);
}
