using System.Collections.Immutable;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Practices;

/// <summary>
/// What a payer's contract allows per procedure: the expected allowed amount an 835's AMT*B6 is
/// compared with to find underpayments. A rate may be specific to one modifier (e.g. 26, the
/// professional component); otherwise the code's base rate applies.
/// </summary>
public sealed record FeeSchedule(PayerId Payer, ImmutableArray<FeeScheduleRate> Rates)
{
    /// <summary>The allowed amount for a billed code and modifiers, or null when the contract does not list the code.</summary>
    public Money? ExpectedAllowed(ProcedureCode code, IEnumerable<Modifier> modifiers)
    {
        var forCode = Rates.Where(r => r.Code == code).ToArray();
        var specific = modifiers.Select(m => forCode.FirstOrDefault(r => r.Modifier == m)).FirstOrDefault(r => r is not null);
        return (specific ?? forCode.FirstOrDefault(r => r.Modifier is null))?.Allowed;
    }
}

public sealed record FeeScheduleRate(ProcedureCode Code, Modifier? Modifier, Money Allowed);
