using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Ledger;

/// <summary>Who is posting, when, and under which idempotency key.</summary>
public sealed record PostingContext(PostingId PostingId, DateTimeOffset PostedAt, string PostedBy)
{
    /// <summary>Entry ids are the posting id and a sequence number, so a posting's entries are found from its id.</summary>
    public string EntryId(int sequence) => $"{PostingId.Value}/{sequence}";
}
