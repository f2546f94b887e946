using Npgsql;

namespace ArCluster.Persistence.FollowUp;

/// <summary>The business day each claim's follow-up reminder is armed for; a claim without a row has no reminder.</summary>
public sealed class FollowUpAlarmStore(NpgsqlDataSource dataSource)
{
    public async Task ArmAsync(string practiceId, string claimId, DateOnly dueOn, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO arcluster_followup_alarm (practice_id, claim_id, due_on, armed_at) VALUES (@practice, @claim, @due, @now)
            ON CONFLICT (practice_id, claim_id) DO UPDATE SET due_on = excluded.due_on, armed_at = excluded.armed_at
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("practice", practiceId));
        command.Parameters.Add(new NpgsqlParameter<string>("claim", claimId));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("due", dueOn));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now.ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DisarmAsync(string practiceId, string claimId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM arcluster_followup_alarm WHERE practice_id = @practice AND claim_id = @claim");
        command.Parameters.Add(new NpgsqlParameter<string>("practice", practiceId));
        command.Parameters.Add(new NpgsqlParameter<string>("claim", claimId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The claims whose reminder is due on or before <paramref name="day"/>, as (practice, claim).</summary>
    public async Task<IReadOnlyList<(string PracticeId, string ClaimId)>> DueByAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT practice_id, claim_id FROM arcluster_followup_alarm WHERE due_on <= @day ORDER BY practice_id, claim_id");
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("day", day));
        var due = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((reader.GetString(0), reader.GetString(1)));
        }

        return due;
    }

    /// <summary>How many claims wake on each day from <paramref name="from"/>: the load the reminder service will carry.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, long Claims)>> WakeUpsByDayAsync(DateOnly from, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT due_on, count(*) FROM arcluster_followup_alarm WHERE due_on >= @from GROUP BY due_on ORDER BY due_on");
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("from", from));
        var days = new List<(DateOnly, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add((reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1)));
        }

        return days;
    }
}
