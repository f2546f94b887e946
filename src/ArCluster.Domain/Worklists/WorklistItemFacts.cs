namespace ArCluster.Domain.Worklists;

/// <summary>What the action rules need to know about an item.</summary>
public sealed record WorklistItemFacts(string Key, WorklistKind Kind, string? ClaimId, WorklistItemState State, DateOnly? Deadline);
