using ArCluster.Abstractions.Remittances;
using Orleans.Runtime;

namespace ArCluster.Grains.Remittances;

[GenerateSerializer, Alias("arcluster.PracticeDirectoryState")]
public sealed class PracticeDirectoryState
{
    [Id(0)]
    public Dictionary<string, string> ByNpi { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public Dictionary<string, string> ByTaxId { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Which practice a payee NPI or tax id belongs to; kept up to date by practice registration.</summary>
public sealed class PracticeDirectoryGrain([PersistentState("practice-directory")] IPersistentState<PracticeDirectoryState> state)
    : Grain, IPracticeDirectoryGrain
{
    public async Task Record(string practiceId, string npi, string taxId)
    {
        var digits = new string(taxId.Where(char.IsAsciiDigit).ToArray());
        if (state.State.ByNpi.GetValueOrDefault(npi) == practiceId && state.State.ByTaxId.GetValueOrDefault(digits) == practiceId)
        {
            return;
        }

        state.State.ByNpi[npi] = practiceId;
        state.State.ByTaxId[digits] = practiceId;
        await state.WriteStateAsync();
    }

    public Task<string?> FindPayee(string? npi, string? taxId)
    {
        if (npi is not null && state.State.ByNpi.TryGetValue(npi, out var byNpi))
        {
            return Task.FromResult<string?>(byNpi);
        }

        var digits = taxId is null ? null : new string(taxId.Where(char.IsAsciiDigit).ToArray());
        return Task.FromResult(digits is not null && state.State.ByTaxId.TryGetValue(digits, out var byTaxId) ? byTaxId : null);
    }
}
