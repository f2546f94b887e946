namespace ArCluster.Simulation.Adjudication;

/// <summary>One CAS triplet: group (CO, PR, OA), CARC and amount.</summary>
internal readonly record struct Adjustment(string Group, string Reason, decimal Amount)
{
    public Adjustment Negated => this with { Amount = -Amount };
}
