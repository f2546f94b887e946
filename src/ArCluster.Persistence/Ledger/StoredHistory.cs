using System.Collections.Immutable;

namespace ArCluster.Persistence.Ledger;

/// <summary>A stream's postings as read from the journal, with the command fingerprint of each posting id.</summary>
public sealed record StoredHistory<TPosting>(ImmutableArray<TPosting> Postings, ImmutableDictionary<string, byte[]> CommandHashes)
{
    public bool IsEmpty => Postings.IsEmpty;
}
