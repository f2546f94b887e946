using System.Collections.Immutable;
using ArCluster.Abstractions.Deposits;
using ArCluster.Abstractions.Remittances;
using ArCluster.Domain.Deposits;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Validation;
using ArCluster.Grains.Ledger;
using ArCluster.Persistence.Journal;
using ArCluster.Persistence.Ledger;
using Orleans.Concurrency;

namespace ArCluster.Grains.Deposits;

/// <summary>
/// Puts bank deposits in the ledger. A deposit's date, trace or check number and amount are its
/// identity, so the same deposit in a prior-day and a current-day report, or in a BAI2 file and a
/// CSV export, is recorded once.
/// </summary>
[StatelessWorker]
public sealed class DepositIntakeGrain(LedgerStore store, BusinessClock clock) : Grain, IDepositIntakeGrain
{
    public async Task<ImmutableArray<DepositReceipt>> Record(ImmutableArray<DepositSubmission> deposits, string user)
    {
        var by = Users.Check(user);
        var directory = GrainFactory.GetGrain<IPracticeDirectoryGrain>("all");
        var practices = (await directory.Practices()).ToHashSet(StringComparer.Ordinal);
        return [.. await Task.WhenAll(deposits.Select(d => RecordAsync(d, by, directory, practices)))];
    }

    private async Task<DepositReceipt> RecordAsync(DepositSubmission submission, string by, IPracticeDirectoryGrain directory, HashSet<string> practices)
    {
        var owner = submission.BankAccount is { Length: > 0 } account ? await directory.FindDepositAccount(account) : null;
        var practice = submission.PracticeId ?? owner;
        if (practice is null)
        {
            return Rejected(submission, null, [
                submission.BankAccount is null
                    ? "the deposit names no practice and no bank account: add the practice, or import the file with --practice"
                    : $"no practice receives its deposits in bank account {Masked(submission.BankAccount)}: add the account to the practice's depositAccounts, or import the file with --practice"]);
        }

        if (!practices.Contains(practice))
        {
            return Rejected(submission, practice, [$"practice '{practice}' is not registered"]);
        }

        if (owner is not null && owner != practice)
        {
            return Rejected(submission, practice, [$"bank account {Masked(submission.BankAccount!)} receives the deposits of practice '{owner}', not '{practice}'"]);
        }

        var violations = new Violations();
        var deposit = BankDepositRules.Check(practice, submission.DepositDate, submission.Amount, submission.Method, submission.Reference, submission.PayerId, submission.BankAccount, submission.BankReference, violations);
        if (deposit is null)
        {
            return Rejected(submission, practice, [.. violations.Items.Select(v => v.ToString())]);
        }

        var posting = DepositPosting.Of(new PostingContext(deposit.PostingId, clock.GetUtcNow(), by), deposit);
        var result = await store.AppendAsync(posting, Fingerprint.OfDerived(LedgerStreams.Deposit(deposit.PracticeId, deposit.PostingId), deposit.PostingId.Value));
        var outcome = result.Status == AppendStatus.Appended ? DepositOutcome.Recorded : DepositOutcome.AlreadyRecorded;
        return new DepositReceipt(practice, deposit.Reference, deposit.Amount.Amount, deposit.DepositDate, outcome, [], submission.SourceFile, submission.Line);
    }

    private static DepositReceipt Rejected(DepositSubmission submission, string? practice, ImmutableArray<string> reasons) =>
        new(practice, submission.Reference, submission.Amount, submission.DepositDate, DepositOutcome.Rejected, reasons, submission.SourceFile, submission.Line);

    /// <summary>Bank account numbers are not for logs or screens in full.</summary>
    private static string Masked(string account) => account.Length <= 4 ? "••••" : $"••••{account[^4..]}";
}
