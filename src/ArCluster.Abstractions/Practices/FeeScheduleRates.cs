using System.Collections.Immutable;

namespace ArCluster.Abstractions.Practices;

/// <summary>A payer's contracted allowed amounts, replacing any schedule the practice had for that payer.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.FeeScheduleRates")]
public sealed record FeeScheduleRates(
    [property: Id(0)] string PayerId,
    [property: Id(1)] ImmutableArray<FeeRate> Rates);

/// <summary>The expected allowed amount for a code, optionally only with one modifier.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.FeeRate")]
public sealed record FeeRate(
    [property: Id(0)] string Code,
    [property: Id(1)] string? Modifier,
    [property: Id(2)] decimal Allowed);

[GenerateSerializer, Immutable, Alias("arcluster.FeeScheduleView")]
public sealed record FeeScheduleView(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string PayerId,
    [property: Id(2)] ImmutableArray<FeeRate> Rates,
    [property: Id(3)] DateTimeOffset UpdatedAt);
