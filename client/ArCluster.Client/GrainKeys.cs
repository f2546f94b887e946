namespace ArCluster.Client;

internal static class GrainKeys
{
    /// <summary>Practice-owned grains are keyed "practice/id".</summary>
    public static string Of(string practiceId, string id) => $"{practiceId}/{id}";
}
