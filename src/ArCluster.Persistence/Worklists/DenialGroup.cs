using ArCluster.Domain;

namespace ArCluster.Persistence.Worklists;

/// <summary>Open denials of one payer for one reason: how many, how much, and the first appeal deadline among them.</summary>
public sealed record DenialGroup(string? PayerId, string Reason, int Count, Money Amount, DateOnly? EarliestDeadline, int Escalated);
