using ArCluster.Domain;
using ArCluster.Domain.Worklists;

namespace ArCluster.Persistence.Worklists;

/// <summary>The open items of one kind: how many, how much money, how many escalated.</summary>
public sealed record WorklistKindCount(WorklistKind Kind, int Open, Money Amount, int Escalated);
