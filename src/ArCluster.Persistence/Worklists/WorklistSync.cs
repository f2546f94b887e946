using ArCluster.Domain.Worklists;

namespace ArCluster.Persistence.Worklists;

/// <summary>One source's restatement of its items: what it has raised and which of them should be open now.</summary>
public sealed record WorklistSync(string PracticeId, string Scope, IReadOnlyList<WorklistEntry> Raised, IReadOnlySet<string> OpenKeys, DateTimeOffset Now);
