using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Adjudication;

/// <summary>A service line's adjudication (835 loop 2110). Balances by construction: charge − ΣCAS = paid.</summary>
internal sealed record RemittedService(ClaimLine Line, decimal Charge, decimal Paid, decimal? Allowed, Adjustment[] Adjustments, string? Remark)
{
    public decimal PatientResponsibility => Sum("PR");

    public decimal Sum(string group)
    {
        var total = 0m;
        foreach (var adjustment in Adjustments)
        {
            if (adjustment.Group == group)
            {
                total += adjustment.Amount;
            }
        }

        return total;
    }

    public RemittedService Negated() => this with
    {
        Charge = -Charge,
        Paid = -Paid,
        Allowed = -Allowed,
        Adjustments = [.. Adjustments.Select(a => a.Negated)],
    };
}
