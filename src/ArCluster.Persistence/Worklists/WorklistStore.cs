using ArCluster.Domain;
using ArCluster.Domain.Worklists;
using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Persistence.Worklists;

/// <summary>
/// Worklist items and the actions taken on them. Sources (claims, remittances) re-state the open
/// items of their scope with <see cref="SyncAsync"/>; billing staff act on them with
/// <see cref="RecordActionAsync"/>. A user's decision is final: sync never reopens or changes it.
/// </summary>
public sealed class WorklistStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The first key of the two-key advisory locks a sync takes per scope; two-key and one-key advisory
    /// locks never collide, so this cannot block the schema migrator's lock.
    /// </summary>
    private const int ScopeLockSpace = 0x574B; // "WK"

    private const string ItemColumns =
        "practice_id, item_key, scope, kind, claim_id, account_id, payer_id, amount, reason, detail, due_on, deadline, escalated, raised_at, state, resolved_at, resolved_by, assigned_to, appeal_deadline";

    private const int AnalyzeCheckEvery = 500;

    private const string ActionColumns = "action_id, item_key, action, actor, acted_at, note, deadline, assignee, posting_id";

    /// <summary>The raised entries as rows, from one array parameter per column.</summary>
    private const string RaisedRows =
        "unnest(@keys, @kinds, @claims, @accounts, @payers, @amounts, @reasons, @details, @dues, @deadlines, @escalateds) AS r(key, kind, claim_id, account_id, payer_id, amount, reason, detail, due_on, deadline, escalated)";

    private volatile bool _analyzed;
    private int _syncsSinceCheck;

    /// <summary>
    /// Makes the items of <paramref name="scope"/> match its source, in one transaction:
    /// every entry of <paramref name="raised"/> is stored once (closed as superseded if its key is not in
    /// <paramref name="openKeys"/>: its firing is still recorded); items in <paramref name="openKeys"/> that
    /// the system had closed are reopened and open ones refreshed from their raised entry; open items of the
    /// scope not in <paramref name="openKeys"/> are closed: superseded if still raised (a newer item of their list
    /// replaced them), cleared if not (the source no longer needs them). Items closed by a user are never touched.
    /// Calling it again with the same arguments changes nothing; calls for one scope run one at a time.
    /// </summary>
    public Task SyncAsync(
        string practiceId, string scope, IReadOnlyList<WorklistEntry> raised, IReadOnlySet<string> openKeys, DateTimeOffset now, CancellationToken ct = default) =>
        SyncManyAsync([new WorklistSync(practiceId, scope, raised, openKeys, now)], ct);

    /// <summary>
    /// Several sources' <see cref="SyncAsync"/> in one transaction and one round trip: what the
    /// silo's <see cref="WorklistSyncBatcher"/> commits for many claims at once. Scopes are locked in
    /// one order, so two batches naming the same scopes wait for each other instead of deadlocking.
    /// </summary>
    public async Task SyncManyAsync(IReadOnlyList<WorklistSync> syncs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(syncs);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);

        // Each statement is planned for the scope it names, never from a plan the connection cached
        // while the table was small.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = force_custom_plan"));
        foreach (var sync in syncs.OrderBy(s => s.PracticeId, StringComparer.Ordinal).ThenBy(s => s.Scope, StringComparer.Ordinal))
        {
            AddSyncCommands(batch, sync);
        }

        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        await EnsureAnalyzedAsync(connection, syncs.Count, ct);
    }

    /// <summary>
    /// A new database taking an import fills this table by thousands of rows a minute, before
    /// autovacuum has ever analyzed it. Without statistics the planner takes every index for equally
    /// cheap and may read one claim's items through the practice's open-items index, scanning all of
    /// them for each claim: an 835 settling many followed-up claims ran at a third of its speed. So
    /// once the table has rows and no statistics, it is analyzed here, once.
    /// </summary>
    private async Task EnsureAnalyzedAsync(NpgsqlConnection connection, int syncs, CancellationToken ct)
    {
        if (_analyzed || Interlocked.Add(ref _syncsSinceCheck, syncs) < AnalyzeCheckEvery)
        {
            return;
        }

        Interlocked.Exchange(ref _syncsSinceCheck, 0);
        await using var check = new NpgsqlCommand(
            """
            SELECT coalesce(last_analyze, last_autoanalyze) IS NOT NULL, n_live_tup
            FROM pg_stat_user_tables WHERE relid = 'arcluster_worklist_item'::regclass
            """,
            connection);
        await using (var reader = await check.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct) || reader.GetBoolean(0))
            {
                _analyzed = true;
                return;
            }

            if (reader.GetInt64(1) < AnalyzeCheckEvery)
            {
                return;
            }
        }

        await using var analyze = new NpgsqlCommand("ANALYZE arcluster_worklist_item", connection);
        await analyze.ExecuteNonQueryAsync(ct);
        _analyzed = true;
    }

    private static void AddSyncCommands(NpgsqlBatch batch, WorklistSync sync)
    {
        var (practiceId, scope, raised, openKeys, now) = (sync.PracticeId, sync.Scope, sync.Raised, sync.OpenKeys, sync.Now);
        ArgumentNullException.ThrowIfNull(raised);
        ArgumentNullException.ThrowIfNull(openKeys);
        // A source naming a key twice in one call means its last word on it.
        var entries = raised.GroupBy(e => e.Key, StringComparer.Ordinal).Select(g => g.Last()).ToArray();
        var open = openKeys.ToArray();
        var at = now.ToUniversalTime();

        NpgsqlParameter[] Scoped() => [Text("practice", practiceId), Text("scope", scope), new NpgsqlParameter<string[]>("open", open), new NpgsqlParameter<DateTimeOffset>("now", at), Text("system", WorklistItemStates.System)];

        // One sync per scope at a time: two concurrent syncs would otherwise each clear or reopen what
        // the other just wrote. The lock ends with the transaction.
        batch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock(@space, hashtext(@practice || '/' || @scope))", [.. Scoped(), new NpgsqlParameter<int>("space", ScopeLockSpace)]));
        if (entries.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                $"""
                INSERT INTO arcluster_worklist_item ({ItemColumns})
                SELECT @practice, r.key, @scope, r.kind, r.claim_id, r.account_id, r.payer_id, r.amount, r.reason, r.detail, r.due_on, r.deadline, r.escalated, @now,
                       CASE WHEN r.key = ANY (@open) THEN 'open' ELSE 'superseded' END,
                       CASE WHEN r.key = ANY (@open) THEN NULL ELSE @now END,
                       CASE WHEN r.key = ANY (@open) THEN NULL ELSE @system END,
                       NULL, NULL
                FROM {RaisedRows}
                ON CONFLICT (practice_id, item_key) DO NOTHING
                """,
                [.. Scoped(), .. Raised(entries)]));
        }

        batch.BatchCommands.Add(Command(
            """
            UPDATE arcluster_worklist_item SET state = 'open', resolved_at = NULL, resolved_by = NULL
            WHERE practice_id = @practice AND scope = @scope AND item_key = ANY (@open) AND state IN ('cleared', 'superseded')
            """,
            Scoped()));
        if (entries.Length > 0)
        {
            // Only rows that differ are written: a repeated sync leaves no new row versions behind.
            batch.BatchCommands.Add(Command(
                $"""
                UPDATE arcluster_worklist_item AS i
                SET amount = r.amount, escalated = r.escalated, deadline = r.deadline, reason = r.reason, detail = r.detail
                FROM {RaisedRows}
                WHERE i.practice_id = @practice AND i.scope = @scope AND i.item_key = r.key AND i.state = 'open'
                  AND (i.amount, i.escalated, i.deadline, i.reason, i.detail) IS DISTINCT FROM (r.amount, r.escalated, r.deadline, r.reason, r.detail)
                """,
                [.. Scoped(), .. Raised(entries)]));
        }

        // Closed items that are still raised gave way to a newer one of their list; the others no longer apply.
        batch.BatchCommands.Add(Command(
            """
            UPDATE arcluster_worklist_item
            SET state = CASE WHEN item_key = ANY (@raised) THEN 'superseded' ELSE 'cleared' END, resolved_at = @now, resolved_by = @system
            WHERE practice_id = @practice AND scope = @scope AND state = 'open' AND NOT (item_key = ANY (@open))
            """,
            [.. Scoped(), new NpgsqlParameter<string[]>("raised", [.. entries.Select(e => e.Key)])]));
    }

    /// <summary>A practice's items, escalated first, then by deadline (or due date when there is none).</summary>
    public async Task<IReadOnlyList<StoredWorklistItem>> ListAsync(string practiceId, WorklistFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {ItemColumns} FROM arcluster_worklist_item
            WHERE practice_id = @practice
              AND (@include_closed OR state = 'open')
              AND (@kind::text IS NULL OR kind = @kind)
              AND (@payer::text IS NULL OR payer_id = @payer)
              AND (@assignee::text IS NULL OR assigned_to = @assignee)
            ORDER BY state <> 'open', escalated DESC, coalesce(deadline, due_on), due_on, item_key
            LIMIT @limit
            """);
        command.Parameters.AddRange(All(
        [
            Text("practice", practiceId),
            new NpgsqlParameter<bool>("include_closed", filter.IncludeClosed),
            Text("kind", filter.Kind?.ToString()),
            Text("payer", filter.PayerId),
            Text("assignee", filter.AssignedTo),
            new NpgsqlParameter<int>("limit", filter.Limit),
        ]));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<StoredWorklistItem>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(ReadItem(reader));
        }

        return items;
    }

    /// <summary>Open denials grouped by payer and reason, the most money first.</summary>
    public async Task<IReadOnlyList<DenialGroup>> DenialsAsync(string practiceId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT payer_id, reason, count(*)::int, sum(amount), min(deadline), (count(*) FILTER (WHERE escalated))::int
            FROM arcluster_worklist_item
            WHERE practice_id = @practice AND kind = @kind AND state = 'open'
            GROUP BY payer_id, reason
            ORDER BY sum(amount) DESC, payer_id, reason
            """);
        command.Parameters.AddRange(All([Text("practice", practiceId), Text("kind", nameof(WorklistKind.Denial))]));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var groups = new List<DenialGroup>();
        while (await reader.ReadAsync(ct))
        {
            groups.Add(new DenialGroup(
                NullableText(reader, 0), reader.GetString(1), reader.GetInt32(2), Money.Of(reader.GetDecimal(3)),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.GetInt32(5)));
        }

        return groups;
    }

    /// <summary>How many open items of each kind, how much money, how many escalated; kinds with none are left out.</summary>
    public async Task<IReadOnlyList<WorklistKindCount>> CountsAsync(string practiceId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT kind, count(*)::int, sum(amount), (count(*) FILTER (WHERE escalated))::int
            FROM arcluster_worklist_item WHERE practice_id = @practice AND state = 'open'
            GROUP BY kind
            """);
        command.Parameters.Add(Text("practice", practiceId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counts = new List<WorklistKindCount>();
        while (await reader.ReadAsync(ct))
        {
            counts.Add(new WorklistKindCount(Enum.Parse<WorklistKind>(reader.GetString(0)), reader.GetInt32(1), Money.Of(reader.GetDecimal(2)), reader.GetInt32(3)));
        }

        return [.. counts.OrderBy(c => c.Kind)];
    }

    /// <summary>One item with its actions, oldest first, or null if the practice has no such item.</summary>
    public async Task<WorklistItemHistory?> ItemAsync(string practiceId, string itemKey, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot: an action recorded between the two reads must not show without its state change.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command($"SELECT {ItemColumns} FROM arcluster_worklist_item WHERE practice_id = @practice AND item_key = @key", ItemParameters(practiceId, itemKey)));
        batch.BatchCommands.Add(Command(
            $"SELECT {ActionColumns} FROM arcluster_worklist_action WHERE practice_id = @practice AND item_key = @key ORDER BY id",
            ItemParameters(practiceId, itemKey)));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var item = ReadItem(reader);
        await reader.NextResultAsync(ct);
        var actions = new List<WorklistActionRecord>();
        while (await reader.ReadAsync(ct))
        {
            actions.Add(ReadAction(reader));
        }

        await reader.DisposeAsync();
        await transaction.CommitAsync(ct);
        return new WorklistItemHistory(item, actions);
    }

    /// <summary>
    /// Records an action and its effect on the item in one transaction: the assignee of an assignment;
    /// the state, who and when of a closing action (and the deadline of an appeal). An action id already
    /// recorded returns the first recording and changes nothing; recorded for a different action, it is
    /// refused with <see cref="WorklistActionConflictException"/>. A closing action on an item a user has
    /// already closed is kept in the history but leaves the first decision in place.
    /// </summary>
    public async Task<RecordedWorklistAction> RecordActionAsync(string practiceId, WorklistActionRecord action, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var acted = action with { ActedAt = Microseconds(action.ActedAt) };
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand(
            $"""
            INSERT INTO arcluster_worklist_action (practice_id, {ActionColumns})
            VALUES (@practice, @action_id, @key, @action, @actor, @acted_at, @note, @deadline, @assignee, @posting_id)
            ON CONFLICT (practice_id, action_id) DO NOTHING
            """,
            connection,
            transaction))
        {
            insert.Parameters.AddRange(All(
            [
                .. ItemParameters(practiceId, acted.ItemKey),
                Text("action_id", acted.ActionId),
                Text("action", acted.Action.ToString()),
                Text("actor", acted.Actor),
                new NpgsqlParameter<DateTimeOffset>("acted_at", acted.ActedAt),
                Text("note", acted.Note),
                Date("deadline", acted.Deadline),
                Text("assignee", acted.Assignee),
                Text("posting_id", acted.PostingId),
            ]));
            try
            {
                if (await insert.ExecuteNonQueryAsync(ct) == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return await ReplayAsync(practiceId, acted, ct);
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new KeyNotFoundException($"Practice '{practiceId}' has no worklist item '{acted.ItemKey}'.", e);
            }
        }

        await using (var update = new NpgsqlCommand(
            """
            UPDATE arcluster_worklist_item
            SET assigned_to = CASE WHEN @action = 'Assign' THEN @assignee ELSE assigned_to END,
                state = coalesce(@closes, state),
                resolved_at = CASE WHEN @closes IS NULL THEN resolved_at ELSE @acted_at END,
                resolved_by = CASE WHEN @closes IS NULL THEN resolved_by ELSE @actor END,
                appeal_deadline = CASE WHEN @action = 'Appeal' THEN @deadline ELSE appeal_deadline END
            WHERE practice_id = @practice AND item_key = @key
              AND (@closes IS NULL OR state NOT IN ('appealed', 'corrected', 'written_off', 'resolved'))
            """,
            connection,
            transaction))
        {
            update.Parameters.AddRange(All(
            [
                .. ItemParameters(practiceId, acted.ItemKey),
                Text("action", acted.Action.ToString()),
                Text("closes", acted.Action.ClosesAs() is { } closes ? WorklistStates.ToSql(closes) : null),
                Text("actor", acted.Actor),
                new NpgsqlParameter<DateTimeOffset>("acted_at", acted.ActedAt),
                Date("deadline", acted.Deadline),
                Text("assignee", acted.Assignee),
            ]));
            await update.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new RecordedWorklistAction(acted, Replayed: false);
    }

    /// <summary>The action recorded under an action id, or null if none is.</summary>
    public async Task<WorklistActionRecord?> FindActionAsync(string practiceId, string actionId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ActionColumns} FROM arcluster_worklist_action WHERE practice_id = @practice AND action_id = @action_id");
        command.Parameters.AddRange(All([Text("practice", practiceId), Text("action_id", actionId)]));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadAction(reader) : null;
    }

    private async Task<RecordedWorklistAction> ReplayAsync(string practiceId, WorklistActionRecord action, CancellationToken ct)
    {
        var recorded = await FindActionAsync(practiceId, action.ActionId, ct)
            ?? throw new InvalidOperationException($"Action '{action.ActionId}' of practice '{practiceId}' conflicted on insert but cannot be read back.");
        return recorded.SameActionAs(action) ? new RecordedWorklistAction(recorded, Replayed: true) : throw new WorklistActionConflictException(practiceId, recorded);
    }

    private static NpgsqlParameter[] Raised(WorklistEntry[] entries) =>
    [
        new NpgsqlParameter<string[]>("keys", [.. entries.Select(e => e.Key)]),
        new NpgsqlParameter<string[]>("kinds", [.. entries.Select(e => e.Kind.ToString())]),
        new NpgsqlParameter<string?[]>("claims", [.. entries.Select(e => e.ClaimId)]),
        new NpgsqlParameter<string?[]>("accounts", [.. entries.Select(e => e.AccountId)]),
        new NpgsqlParameter<string?[]>("payers", [.. entries.Select(e => e.PayerId)]),
        new NpgsqlParameter<decimal[]>("amounts", [.. entries.Select(e => e.Amount.Amount)]),
        new NpgsqlParameter<string[]>("reasons", [.. entries.Select(e => e.Reason)]),
        new NpgsqlParameter<string?[]>("details", [.. entries.Select(e => e.Detail)]),
        new NpgsqlParameter<DateOnly[]>("dues", [.. entries.Select(e => e.DueOn)]),
        new NpgsqlParameter<DateOnly?[]>("deadlines", [.. entries.Select(e => e.Deadline)]),
        new NpgsqlParameter<bool[]>("escalateds", [.. entries.Select(e => e.Escalated)]),
    ];

    private static StoredWorklistItem ReadItem(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        Enum.Parse<WorklistKind>(reader.GetString(3)),
        NullableText(reader, 4),
        NullableText(reader, 5),
        NullableText(reader, 6),
        Money.Of(reader.GetDecimal(7)),
        reader.GetString(8),
        NullableText(reader, 9),
        reader.GetFieldValue<DateOnly>(10),
        reader.IsDBNull(11) ? null : reader.GetFieldValue<DateOnly>(11),
        reader.GetBoolean(12),
        reader.GetFieldValue<DateTimeOffset>(13),
        WorklistStates.FromSql(reader.GetString(14)),
        reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
        NullableText(reader, 16),
        NullableText(reader, 17),
        reader.IsDBNull(18) ? null : reader.GetFieldValue<DateOnly>(18));

    private static WorklistActionRecord ReadAction(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        Enum.Parse<WorklistAction>(reader.GetString(2)),
        reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        NullableText(reader, 5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
        NullableText(reader, 7),
        NullableText(reader, 8));

    /// <summary>What timestamptz keeps: UTC to the microsecond, so what a call returns equals what a later read returns.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static NpgsqlParameter[] ItemParameters(string practiceId, string itemKey) => [Text("practice", practiceId), Text("key", itemKey)];

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Date(string name, DateOnly? value) =>
        new(name, NpgsqlDbType.Date) { Value = value is { } day ? day : DBNull.Value };

    /// <summary>Picks the array overload of AddRange for a collection expression.</summary>
    private static NpgsqlParameter[] All(NpgsqlParameter[] parameters) => parameters;

    private static NpgsqlBatchCommand Command(string sql, NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
