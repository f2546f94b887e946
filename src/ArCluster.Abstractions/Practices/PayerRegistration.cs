namespace ArCluster.Abstractions.Practices;

/// <summary>A payer the practice bills and the contract's timely-filing limit in days from the date of service.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.PayerRegistration")]
public sealed record PayerRegistration(
    [property: Id(0)] string PayerId,
    [property: Id(1)] string Name,
    [property: Id(2)] PayerKind Kind,
    [property: Id(3)] int TimelyFilingDays);
