using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Persistence.Feed;

/// <summary>How a ledger-feed consumer moves its stored mark: compare-and-set, so a stale copy of the consumer changes nothing.</summary>
public static class FeedMarks
{
    /// <summary>
    /// Moves <paramref name="consumer"/>'s mark for the practice from <paramref name="expected"/> to
    /// <paramref name="through"/>; it affects one row only if the stored mark is still the expected one.
    /// </summary>
    public static NpgsqlBatchCommand Move(string consumer, string practiceId, FeedCursor expected, FeedCursor through)
    {
        var command = new NpgsqlBatchCommand(
            expected == FeedCursor.Start
                ? """
                  INSERT INTO arcluster_ledger_feed_mark (consumer, practice_id, transaction_id, position) VALUES (@consumer, @practice, @tx, @position)
                  ON CONFLICT (consumer, practice_id) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position
                  WHERE arcluster_ledger_feed_mark.transaction_id = '0'::xid8 AND arcluster_ledger_feed_mark.position = 0
                  """
                : """
                  UPDATE arcluster_ledger_feed_mark SET transaction_id = @tx, position = @position
                  WHERE consumer = @consumer AND practice_id = @practice AND transaction_id = @expected_tx AND position = @expected_position
                  """);
        NpgsqlParameter[] parameters =
        [
            new NpgsqlParameter<string>("consumer", consumer),
            new NpgsqlParameter<string>("practice", practiceId),
            new NpgsqlParameter<ulong>("tx", NpgsqlDbType.Xid8) { TypedValue = through.TransactionId },
            new NpgsqlParameter<long>("position", through.Position),
            new NpgsqlParameter<ulong>("expected_tx", NpgsqlDbType.Xid8) { TypedValue = expected.TransactionId },
            new NpgsqlParameter<long>("expected_position", expected.Position),
        ];
        command.Parameters.AddRange(parameters);
        return command;
    }
}
