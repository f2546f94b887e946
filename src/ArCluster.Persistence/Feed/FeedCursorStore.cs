using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Persistence.Feed;

/// <summary>Where a feed publisher starts again after a restart: a point every consumer has confirmed.</summary>
public sealed class FeedCursorStore(NpgsqlDataSource dataSource)
{
    public async Task<FeedCursor> LoadAsync(string feed, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT transaction_id, position FROM arcluster_ledger_feed_cursor WHERE feed = @feed");
        command.Parameters.Add(new NpgsqlParameter<string>("feed", feed));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new FeedCursor(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : FeedCursor.Start;
    }

    public async Task SaveAsync(string feed, FeedCursor cursor, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO arcluster_ledger_feed_cursor (feed, transaction_id, position, updated_at) VALUES (@feed, @tx, @position, now())
            ON CONFLICT (feed) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("feed", feed));
        command.Parameters.Add(new NpgsqlParameter<ulong>("tx", NpgsqlDbType.Xid8) { TypedValue = cursor.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long>("position", cursor.Position));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
