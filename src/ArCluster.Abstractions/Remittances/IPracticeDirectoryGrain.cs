namespace ArCluster.Abstractions.Remittances;

/// <summary>Finds the practice an 835 pays from its payee (N1*PE): group NPI or tax id. One grain, key "all".</summary>
[Alias("arcluster.IPracticeDirectoryGrain")]
public interface IPracticeDirectoryGrain : IGrainWithStringKey
{
    [Alias("Record")]
    Task Record(string practiceId, string npi, string taxId);

    /// <summary>The practice with this NPI (preferred) or tax id, or null.</summary>
    [Alias("FindPayee")]
    Task<string?> FindPayee(string? npi, string? taxId);
}
