using ArCluster.Client;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Reconciliation;

/// <summary>A practice registered and its workload's claims entered as its billers would, through the client library.</summary>
internal static class WorkloadEntry
{
    public static async Task EnterAsync(ArClusterClient client, EraWorkload workload)
    {
        await client.Practices.RegisterAsync(SamplePractices.Family(workload.PracticeId));
        var accounts = Enumerable.Range(0, workload.Claims).Select(EraWorkload.AccountId).Distinct(StringComparer.Ordinal);
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (account, _) =>
            await client.Accounts.OpenAsync(SampleLedger.Account(workload.PracticeId, account)));
        await Parallel.ForEachAsync(Enumerable.Range(0, workload.Claims), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, _) =>
            await client.Claims.CreateAsync(workload.Claim(n)));
    }

    /// <summary>Writes the 835 paying claims [first, first + count) of the workload to a new temporary file.</summary>
    public static async Task<string> WriteEraAsync(EraWorkload workload, string tracePrefix, int first, int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"arcluster-{tracePrefix}-{Guid.NewGuid():N}.835");
        await using var writer = new StreamWriter(path);
        workload.WriteEra(writer, tracePrefix, first, count);
        return path;
    }
}
