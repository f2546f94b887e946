using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Claims;

/// <summary>An insurance the claim is billed to: the payer and the subscriber's member id there.</summary>
public sealed record Coverage(PayerId PayerId, MemberId MemberId);
