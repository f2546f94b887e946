using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ArCluster.Persistence.Journal;

/// <summary>
/// The journal on PostgreSQL, group-committing appends from every grain of the silo. Appends queue
/// up while the previous transaction commits; a writer then takes them all (up to
/// <see cref="LedgerJournalOptions.MaxBatchSize"/>), reads their streams' versions and any postings
/// already stored under their ids, copies every accepted posting and entry in and commits once,
/// with <c>synchronous_commit</c> on. Throughput comes from sharing one WAL flush among many
/// postings, never from weakening it.
/// </summary>
public sealed partial class PostgresLedgerJournal : ILedgerJournal, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly LedgerJournalOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _writers;
    private long _batchesCommitted;
    private long _postingsCommitted;

    public PostgresLedgerJournal(NpgsqlDataSource dataSource, LedgerJournalOptions options, ILogger<PostgresLedgerJournal> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _options = options;
        _logger = logger;
        _writers = Enumerable.Range(0, Math.Max(1, options.Writers)).Select(_ => Task.Run(RunWriterAsync)).ToArray();
    }

    /// <summary>Transactions committed so far; postings ÷ batches is the group-commit factor.</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batchesCommitted);

    /// <summary>Postings made durable so far (resends and refusals not counted).</summary>
    public long PostingsCommitted => Interlocked.Read(ref _postingsCommitted);

    public Task<AppendResult> AppendAsync(JournalAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (append.CommandHash.Length != 32)
        {
            throw new ArgumentException("The command hash must be a SHA-256 digest (32 bytes).", nameof(append));
        }

        var pending = new PendingAppend(append);
        return _queue.Writer.TryWrite(pending)
            ? pending.Completion.Task.WaitAsync(cancellationToken)
            : throw new ObjectDisposedException(nameof(PostgresLedgerJournal), "The journal is shutting down; the posting was not written.");
    }

    public async Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(JournalSql.ReadStream);
        command.Parameters.AddWithValue("stream", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<JournalRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(JournalSql.ReadRecord(reader));
        }

        return records;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<PendingAppend>(_options.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await WriteWithRetriesAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task WriteWithRetriesAsync(List<PendingAppend> batch)
    {
        var appends = batch.Select(p => p.Append).ToArray();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var results = await WriteBatchAsync(appends);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }

                return;
            }
            catch (Exception e) when (attempt < _options.MaxAttempts && IsWorthRetrying(e))
            {
                // A concurrent silo committed the same posting id, a deadlock was broken, or the
                // connection dropped: the retry re-reads under lock and settles each append exactly.
                LogBatchRetry(_logger, appends.Length, attempt, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt));
            }
            catch (Exception e)
            {
                LogBatchFailed(_logger, e, appends.Length);
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(e);
                }

                return;
            }
        }
    }

    private async Task<AppendResult[]> WriteBatchAsync(IReadOnlyList<JournalAppend> appends)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var state = await JournalSql.ReadStateAsync(connection, transaction, appends);
        var plan = BatchPlan.Decide(appends, state.Versions, state.Stored);
        if (plan.Accepted.Count > 0)
        {
            await JournalSql.InsertAsync(connection, plan, state.Positions);
        }

        await transaction.CommitAsync();
        Interlocked.Increment(ref _batchesCommitted);
        Interlocked.Add(ref _postingsCommitted, plan.Accepted.Count);
        return plan.Results(appends, state.Positions);
    }

    private static bool IsWorthRetrying(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal batch of {Count} postings retried (attempt {Attempt}): {Reason}")]
    private static partial void LogBatchRetry(ILogger logger, int count, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal batch of {Count} postings failed; callers may resend them with the same posting ids")]
    private static partial void LogBatchFailed(ILogger logger, Exception error, int count);

    private sealed class PendingAppend(JournalAppend append)
    {
        public JournalAppend Append { get; } = append;

        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
