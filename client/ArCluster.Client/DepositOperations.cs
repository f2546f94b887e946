using System.Collections.Immutable;
using ArCluster.Abstractions.Deposits;
using ArCluster.BankFiles;

namespace ArCluster.Client;

/// <summary>
/// Bank deposits (BAI2 files from the bank, or a simple CSV) into the ledger, where reconciliation
/// matches them with 835s. Importing a file again, or an overlapping report, records nothing twice.
/// </summary>
public sealed class DepositOperations
{
    private const int DepositsPerCall = 500;

    private readonly IClusterClient _orleans;
    private readonly string _user;

    internal DepositOperations(IClusterClient orleans, string user)
    {
        _orleans = orleans;
        _user = user;
    }

    /// <summary>
    /// Reads a deposit file (format detected from its content) and records its deposits. A file that
    /// fails its checks (BAI2 control totals and counts, a bad CSV row) records nothing.
    /// <paramref name="practiceId"/> routes every deposit of the file to that practice; otherwise each
    /// goes to the practice its CSV row names or whose registered bank account it arrived in.
    /// </summary>
    public async Task<DepositFileReport> ImportFileAsync(string path, string? practiceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        var file = await Task.Run(() => DepositFile.Read(path), cancellationToken);
        if (file is RejectedDepositFile rejected)
        {
            return new DepositFileReport(name, rejected.Format.ToString(), [.. rejected.Errors.Select(e => e.ToString())], []);
        }

        var accepted = (AcceptedDepositFile)file;
        var submissions = accepted.Deposits.Select(d => new DepositSubmission(
            practiceId ?? d.PracticeId, d.BankAccount, d.DepositDate, d.Amount, d.Method.ToString(), d.Reference, d.PayerTaxId, d.BankReference, name, d.Line));
        var receipts = await RecordAsync([.. submissions], cancellationToken);
        return new DepositFileReport(name, accepted.Format.ToString(), [], receipts);
    }

    /// <summary>Records deposits given directly (an API or a person keying them in).</summary>
    public async Task<ImmutableArray<DepositReceipt>> RecordAsync(ImmutableArray<DepositSubmission> deposits, CancellationToken cancellationToken = default)
    {
        var receipts = ImmutableArray.CreateBuilder<DepositReceipt>(deposits.Length);
        foreach (var chunk in deposits.Chunk(DepositsPerCall))
        {
            cancellationToken.ThrowIfCancellationRequested();
            receipts.AddRange(await _orleans.GetGrain<IDepositIntakeGrain>(0).Record([.. chunk], _user));
        }

        return receipts.ToImmutable();
    }
}
