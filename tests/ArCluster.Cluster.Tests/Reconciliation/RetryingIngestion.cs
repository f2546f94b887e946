using System.Diagnostics;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using Xunit.Sdk;

namespace ArCluster.Cluster.Tests.Reconciliation;

/// <summary>
/// What a poster does when a silo dies under an 835: sends the whole file again. Posting is
/// idempotent, so the transactions that made it answer AlreadyPosted and the rest post now.
/// </summary>
internal static class RetryingIngestion
{
    public static async Task<(RemittanceFileReport Report, int Attempts)> IngestAsync(
        ArClusterClient client, string path, string practiceId, TimeSpan limit, Action<int, Exception>? failed = null)
    {
        var deadline = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var report = await client.Remittances.IngestFileAsync(path, practiceId);
                var refused = report.Transactions.Where(t => t.Outcome is RemittanceOutcome.Rejected or RemittanceOutcome.PossibleDuplicate).ToArray();
                if (refused.Length > 0)
                {
                    // Not a silo dying: a file refused once is refused every time.
                    throw new XunitException($"{Path.GetFileName(path)} was refused: " +
                        string.Join(" | ", refused.Select(t => $"{t.TraceNumber} {t.Outcome}: {string.Join("; ", t.Reasons)}")));
                }

                return (report, attempt);
            }
            catch (Exception e) when (e is not XunitException && deadline.Elapsed < limit)
            {
                failed?.Invoke(attempt, e);
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
