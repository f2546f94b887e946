using ArCluster.Abstractions.Remittances;
using ArCluster.Abstractions.Errors;
using Orleans.Runtime;

namespace ArCluster.Grains.Remittances;

[GenerateSerializer, Alias("arcluster.PracticeDirectoryState")]
public sealed class PracticeDirectoryState
{
    [Id(0)]
    public Dictionary<string, string> ByNpi { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public Dictionary<string, string> ByTaxId { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tax ids more than one practice files under: they cannot route an 835 on their own.</summary>
    [Id(2)]
    public HashSet<string> SharedTaxIds { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Which practice a payee NPI or tax id belongs to; kept up to date by practice registration. An
/// NPI belongs to one practice only; a tax id several practices share routes nothing by itself.
/// </summary>
public sealed class PracticeDirectoryGrain([PersistentState("practice-directory")] IPersistentState<PracticeDirectoryState> state)
    : Grain, IPracticeDirectoryGrain
{
    public async Task Record(string practiceId, string npi, string taxId)
    {
        var digits = Digits(taxId);
        if (state.State.ByNpi.TryGetValue(npi, out var holder) && holder != practiceId)
        {
            throw new ConflictException(
                $"NPI {npi} is already the payee NPI of practice '{holder}': its remittances would go to the wrong practice. Correct the NPI, or change '{holder}' first.");
        }

        var changed = RemoveOthers(state.State.ByNpi, practiceId, npi) | RemoveOthers(state.State.ByTaxId, practiceId, digits);
        changed |= state.State.ByNpi.TryAdd(npi, practiceId);
        if (state.State.ByTaxId.TryGetValue(digits, out var taxHolder) && taxHolder != practiceId)
        {
            changed |= state.State.SharedTaxIds.Add(digits);
        }
        else
        {
            changed |= state.State.ByTaxId.TryAdd(digits, practiceId);
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<string?> FindPayee(string? npi, string? taxId)
    {
        if (npi is not null && state.State.ByNpi.TryGetValue(npi, out var byNpi))
        {
            return Task.FromResult<string?>(byNpi);
        }

        var digits = taxId is null ? null : Digits(taxId);
        return Task.FromResult(digits is not null && !state.State.SharedTaxIds.Contains(digits) && state.State.ByTaxId.TryGetValue(digits, out var byTaxId) ? byTaxId : null);
    }

    private static string Digits(string taxId) => new(taxId.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Drops what this practice was listed under before (an NPI or tax id it changed).</summary>
    private static bool RemoveOthers(Dictionary<string, string> map, string practiceId, string keep)
    {
        var stale = map.Where(kv => kv.Value == practiceId && kv.Key != keep).Select(kv => kv.Key).ToArray();
        foreach (var key in stale)
        {
            map.Remove(key);
        }

        return stale.Length > 0;
    }
}
