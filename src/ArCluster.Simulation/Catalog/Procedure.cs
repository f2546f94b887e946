namespace ArCluster.Simulation.Catalog;

/// <summary>A CPT or HCPCS code with a typical practice charge per unit (2026 chargemaster levels).</summary>
internal sealed record Procedure(string Code, decimal Charge, ProcedureKind Kind, string Description)
{
    public bool IsVisit => Kind == ProcedureKind.Visit;
}
