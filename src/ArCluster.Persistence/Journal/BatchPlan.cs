namespace ArCluster.Persistence.Journal;

/// <summary>
/// Decides, for one batch, which appends are written and what the others get back — given the
/// streams' current versions and the postings already stored under the batch's ids. Appends
/// are judged in arrival order, so two appends to one stream in one batch behave exactly as if
/// they had come in two transactions.
/// </summary>
internal sealed class BatchPlan
{
    private readonly List<JournalAppend> _accepted = [];
    private readonly Dictionary<int, AppendResult> _settled = [];
    private readonly Dictionary<int, int> _duplicateOfAccepted = [];

    private BatchPlan()
    {
    }

    /// <summary>Appends to write, in order; their versions are consecutive per stream.</summary>
    public IReadOnlyList<JournalAppend> Accepted => _accepted;

    public static BatchPlan Decide(
        IReadOnlyList<JournalAppend> appends,
        IReadOnlyDictionary<string, long> currentVersions,
        IReadOnlyDictionary<(string PracticeId, string PostingId), JournalRecord> stored)
    {
        var versions = new Dictionary<string, long>(currentVersions, StringComparer.Ordinal);
        var plan = new BatchPlan();
        var acceptedByKey = new Dictionary<(string, string), int>();
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            var key = (append.PracticeId, append.PostingId);
            if (stored.TryGetValue(key, out var existing))
            {
                plan._settled[i] = AppendResult.Duplicate(existing, append.CommandHash);
            }
            else if (acceptedByKey.TryGetValue(key, out var acceptedIndex))
            {
                plan._duplicateOfAccepted[i] = acceptedIndex;
            }
            else if (versions.GetValueOrDefault(append.StreamId) != append.ExpectedVersion)
            {
                plan._settled[i] = AppendResult.Stale(versions.GetValueOrDefault(append.StreamId));
            }
            else
            {
                versions[append.StreamId] = append.Version;
                acceptedByKey[key] = plan._accepted.Count;
                plan._accepted.Add(append);
            }
        }

        return plan;
    }

    /// <summary>The result of every append, once the accepted ones have their journal positions.</summary>
    public AppendResult[] Results(IReadOnlyList<JournalAppend> appends, IReadOnlyList<long> acceptedPositions)
    {
        var appended = _accepted.Select((a, i) => AppendResult.Appended(a.Version, acceptedPositions[i], a)).ToArray();
        var results = new AppendResult[appends.Count];
        var next = 0;
        for (var i = 0; i < appends.Count; i++)
        {
            if (_settled.TryGetValue(i, out var settled))
            {
                results[i] = settled;
            }
            else if (_duplicateOfAccepted.TryGetValue(i, out var original))
            {
                results[i] = AppendResult.Duplicate(appended[original].Existing!, appends[i].CommandHash);
            }
            else
            {
                results[i] = appended[next++];
            }
        }

        return results;
    }
}
