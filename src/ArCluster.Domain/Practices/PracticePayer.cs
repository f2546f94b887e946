using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Practices;

/// <summary>
/// A payer the practice bills, with the contract's timely-filing limit: the days after the date of
/// service within which a claim must reach the payer (never one global constant: Medicare is 365,
/// commercial contracts often 90 to 180).
/// </summary>
public sealed record PracticePayer(PayerId PayerId, string Name, PayerKind Kind, int TimelyFilingDays)
{
    public const int MaxTimelyFilingDays = 3650;
}
