using System.Collections.Immutable;
using ArCluster.Domain.Accounts;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Deposits;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Remittances;
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
        var entries = posting.Entries.Select(e => e.ToRow(claim.AccountId.Value, claim.ClaimId.Value));
        return AppendAsync(claim.PracticeId, LedgerStreams.Claim(claim.PracticeId, claim.ClaimId), posting.Version, posting.PostingId,
            posting.Operation.ToString(), posting.PostedAt, posting.PostedBy, LedgerJson.Serialize(posting), entries, commandHash, cancellationToken);
    }

    public Task<AppendResult> AppendAsync(AccountDetails account, AccountPosting posting, byte[] commandHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(posting);
        var entries = posting.Entries.Select(e => e.ToRow(account.AccountId.Value, null));
        return AppendAsync(account.PracticeId, LedgerStreams.Account(account.PracticeId, account.AccountId), posting.Version, posting.PostingId,
            posting.Operation.ToString(), posting.PostedAt, posting.PostedBy, LedgerJson.Serialize(posting), entries, commandHash, cancellationToken);
    }

    /// <summary>A remittance's advice and provider-level adjustments: the one posting of its stream.</summary>
    public Task<AppendResult> AppendAsync(PracticeId practice, PayerId payer, string traceNumber, RemittancePosting posting, byte[] commandHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var entries = posting.Entries.Select(e => e.ToRow(null, null));
        return AppendAsync(practice, LedgerStreams.Remittance(practice, payer, traceNumber), posting.Version, posting.PostingId,
            "Remittance", posting.PostedAt, posting.PostedBy, LedgerJson.Serialize(posting), entries, commandHash, cancellationToken);
    }

    /// <summary>A bank deposit: the one posting of its stream.</summary>
    public Task<AppendResult> AppendAsync(DepositPosting posting, byte[] commandHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var practice = posting.Deposit.PracticeId;
        var entries = posting.Entries.Select(e => e.ToRow(null, null));
        return AppendAsync(practice, LedgerStreams.Deposit(practice, posting.PostingId), posting.Version, posting.PostingId,
            "Deposit", posting.PostedAt, posting.PostedBy, LedgerJson.Serialize(posting), entries, commandHash, cancellationToken);
    }

    public static TPosting Read<TPosting>(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return LedgerJson.Deserialize<TPosting>(record.PayloadJson);
    }

    private Task<AppendResult> AppendAsync(
        PracticeId practice,
        string stream,
        long version,
        PostingId postingId,
        string operation,
        DateTimeOffset postedAt,
        string postedBy,
        string payload,
        IEnumerable<JournalEntryRow> entries,
        byte[] commandHash,
        CancellationToken cancellationToken) =>
        journal.AppendAsync(
            new JournalAppend(practice.Value, stream, version - 1, postingId.Value, operation, commandHash, postedAt, postedBy, payload, [.. entries]),
            cancellationToken);

    private async Task<StoredHistory<TPosting>> LoadAsync<TPosting>(string streamId, CancellationToken cancellationToken)
    {
        var records = await journal.ReadStreamAsync(streamId, cancellationToken);
        return new StoredHistory<TPosting>(
            [.. records.Select(Read<TPosting>)],
            records.ToImmutableDictionary(r => r.PostingId, r => r.CommandHash, StringComparer.Ordinal));
    }
}
