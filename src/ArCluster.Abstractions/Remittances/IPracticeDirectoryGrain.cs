using System.Collections.Immutable;
using Orleans.Concurrency;

namespace ArCluster.Abstractions.Remittances;

/// <summary>
/// Finds the practice an 835 pays from its payee (N1*PE: group NPI or tax id), and the practice a
/// bank deposit belongs to from the account it arrived in. One grain, key "all".
/// </summary>
[Alias("arcluster.IPracticeDirectoryGrain")]
public interface IPracticeDirectoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Lists the practice under its NPI, tax id and deposit accounts, replacing what it was listed
    /// under before; a <see cref="Errors.ConflictException"/>, changing nothing, if another practice
    /// holds the NPI or one of the accounts.
    /// </summary>
    [Alias("Record")]
    Task Record(string practiceId, string npi, string taxId, ImmutableArray<string> depositAccounts);

    /// <summary>The practice with this NPI (preferred) or tax id, or null.</summary>
    [Alias("FindPayee")]
    Task<string?> FindPayee(string? npi, string? taxId);

    /// <summary>The practice whose deposits arrive in this bank account, or null.</summary>
    [Alias("FindDepositAccount")]
    Task<string?> FindDepositAccount(string account);

    /// <summary>Every registered practice id, ordinal order.</summary>
    [Alias("Practices"), AlwaysInterleave]
    Task<ImmutableArray<string>> Practices();
}
