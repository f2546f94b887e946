using System.Collections.Immutable;
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

    /// <summary>Bank account number to the one practice whose deposits arrive in it.</summary>
    [Id(3)]
    public Dictionary<string, string> ByDepositAccount { get; set; } = new(StringComparer.Ordinal);

    [Id(4)]
    public HashSet<string> Practices { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Which practice a payee NPI, tax id or deposit account belongs to; kept up to date by practice
/// registration. An NPI or a deposit account belongs to one practice only; a tax id several
/// practices share routes nothing by itself.
/// </summary>
public sealed class PracticeDirectoryGrain([PersistentState("practice-directory")] IPersistentState<PracticeDirectoryState> state)
    : Grain, IPracticeDirectoryGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A directory stored before it kept the practice list still lists every practice by its NPI.
        state.State.Practices.UnionWith(state.State.ByNpi.Values);
        return Task.CompletedTask;
    }

    public async Task Record(string practiceId, string npi, string taxId, ImmutableArray<string> depositAccounts)
    {
        var digits = Digits(taxId);
        var accounts = depositAccounts.IsDefault ? [] : depositAccounts.Select(a => a.Trim()).ToHashSet(StringComparer.Ordinal);
        if (state.State.ByNpi.TryGetValue(npi, out var holder) && holder != practiceId)
        {
            throw new ConflictException(
                $"NPI {npi} is already the payee NPI of practice '{holder}': its remittances would go to the wrong practice. Correct the NPI, or change '{holder}' first.");
        }

        foreach (var account in accounts.Order(StringComparer.Ordinal))
        {
            if (state.State.ByDepositAccount.TryGetValue(account, out var owner) && owner != practiceId)
            {
                throw new ConflictException(
                    $"Bank account {Masked(account)} already receives the deposits of practice '{owner}': its deposits would be posted to the wrong practice. Correct the account, or remove it from '{owner}' first.");
            }
        }

        var changed = RemoveOthers(state.State.ByNpi, practiceId, [npi])
            | RemoveOthers(state.State.ByTaxId, practiceId, [digits])
            | RemoveOthers(state.State.ByDepositAccount, practiceId, accounts);
        changed |= state.State.ByNpi.TryAdd(npi, practiceId);
        if (state.State.ByTaxId.TryGetValue(digits, out var taxHolder) && taxHolder != practiceId)
        {
            changed |= state.State.SharedTaxIds.Add(digits);
        }
        else
        {
            changed |= state.State.ByTaxId.TryAdd(digits, practiceId);
        }

        foreach (var account in accounts)
        {
            changed |= state.State.ByDepositAccount.TryAdd(account, practiceId);
        }

        changed |= state.State.Practices.Add(practiceId);
        if (changed)
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                // What is in memory was not stored: reload it rather than route by it.
                DeactivateOnIdle();
                throw;
            }
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

    public Task<string?> FindDepositAccount(string account) =>
        Task.FromResult(account is not null && state.State.ByDepositAccount.TryGetValue(account.Trim(), out var owner) ? owner : null);

    public Task<ImmutableArray<string>> Practices() =>
        Task.FromResult(state.State.Practices.Order(StringComparer.Ordinal).ToImmutableArray());

    private static string Digits(string taxId) => new(taxId.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Bank account numbers are not for messages in full.</summary>
    private static string Masked(string account) => account.Length <= 4 ? "••••" : $"••••{account[^4..]}";

    /// <summary>Drops what this practice was listed under before (an NPI, tax id or deposit account it changed).</summary>
    private static bool RemoveOthers(Dictionary<string, string> map, string practiceId, HashSet<string> keep)
    {
        var stale = map.Where(kv => kv.Value == practiceId && !keep.Contains(kv.Key)).Select(kv => kv.Key).ToArray();
        foreach (var key in stale)
        {
            map.Remove(key);
        }

        return stale.Length > 0;
    }
}
