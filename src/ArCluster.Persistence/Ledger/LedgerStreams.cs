using ArCluster.Domain.Identifiers;

namespace ArCluster.Persistence.Ledger;

/// <summary>Journal stream ids: the kind of aggregate, then the grain key (practice first).</summary>
public static class LedgerStreams
{
    public static string Claim(PracticeId practice, ClaimId claim) => $"claim:{practice.Value}/{claim.Value}";

    public static string Account(PracticeId practice, AccountId account) => $"account:{practice.Value}/{account.Value}";

    public static string Deposit(PracticeId practice, PostingId depositId) => $"deposit:{practice.Value}/{depositId.Value}";

    public static string Remittance(PracticeId practice, PayerId payer, string traceNumber) => $"remittance:{practice.Value}/{payer.Value}/{traceNumber}";
}
