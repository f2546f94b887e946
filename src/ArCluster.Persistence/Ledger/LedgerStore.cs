using System.Collections.Immutable;
using ArCluster.Domain.Accounts;
using ArCluster.Domain.Claims;
using ArCluster.Persistence.Journal;

namespace ArCluster.Persistence.Ledger;

/// <summary>Claims and accounts as journal streams: read a stream back into postings, append one posting.</summary>
public sealed class LedgerStore(ILedgerJournal journal)
{
    public Task<StoredHistory<ClaimPosting>> LoadClaimAsync(string streamId, CancellationToken cancellationToken = default) =>
        LoadAsync<ClaimPosting>(streamId, cancellationToken);

    public Task<StoredHistory<AccountPosting>> LoadAccountAsync(string streamId, CancellationToken cancellationToken = default) =>
        LoadAsync<AccountPosting>(streamId, cancellationToken);

    public Task<AppendResult> AppendAsync(ClaimDetails claim, ClaimPosting posting, byte[] commandHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(posting);
        var append = new JournalAppend(
            claim.PracticeId.Value,
            LedgerStreams.Claim(claim.PracticeId, claim.ClaimId),
            posting.Version - 1,
            posting.PostingId.Value,
            posting.Operation.ToString(),
            commandHash,
            posting.PostedAt,
            posting.PostedBy,
            LedgerJson.Serialize(posting),
            [.. posting.Entries.Select(e => e.ToRow(claim.AccountId.Value, claim.ClaimId.Value))]);
        return journal.AppendAsync(append, cancellationToken);
    }

    public Task<AppendResult> AppendAsync(AccountDetails account, AccountPosting posting, byte[] commandHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(posting);
        var append = new JournalAppend(
            account.PracticeId.Value,
            LedgerStreams.Account(account.PracticeId, account.AccountId),
            posting.Version - 1,
            posting.PostingId.Value,
            posting.Operation.ToString(),
            commandHash,
            posting.PostedAt,
            posting.PostedBy,
            LedgerJson.Serialize(posting),
            [.. posting.Entries.Select(e => e.ToRow(account.AccountId.Value, null))]);
        return journal.AppendAsync(append, cancellationToken);
    }

    public static TPosting Read<TPosting>(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return LedgerJson.Deserialize<TPosting>(record.PayloadJson);
    }

    private async Task<StoredHistory<TPosting>> LoadAsync<TPosting>(string streamId, CancellationToken cancellationToken)
    {
        var records = await journal.ReadStreamAsync(streamId, cancellationToken);
        return new StoredHistory<TPosting>(
            [.. records.Select(Read<TPosting>)],
            records.ToImmutableDictionary(r => r.PostingId, r => r.CommandHash, StringComparer.Ordinal));
    }
}
