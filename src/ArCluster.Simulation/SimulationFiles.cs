using System.Collections.Immutable;

namespace ArCluster.Simulation;

/// <summary>
/// Every file a run wrote (absolute paths, in the order to feed them to ArCluster) and what a
/// correct system must end with after taking them all in.
/// </summary>
/// <param name="Directory">The run's folder.</param>
/// <param name="Practices">practices/{practice}.json: one registration each (<c>arctl practice register</c>).</param>
/// <param name="FeeSchedules">fees/{practice}/{payer}.json: one fee schedule per practice and payer (<c>arctl practice fees set</c>).</param>
/// <param name="Accounts">accounts/{practice}.jsonl: one account per line.</param>
/// <param name="Claims">claims/{practice}.jsonl: one claim per line, in date-of-service order.</param>
/// <param name="Remittances">era/{yyyyMMdd}-{payer}.835: one file per payer and payment day; their names sort in date order, which reversals rely on.</param>
/// <param name="BankReports">bank/{yyyyMMdd}.bai: the BAI2 prior-day report of every business day.</param>
/// <param name="DepositCsvFiles">bank/{yyyyMMdd}.csv: the same credits as deposit CSV (an alternative: importing both records each deposit once).</param>
/// <param name="ExpectationsFile">expectations.json.</param>
public sealed record SimulationFiles(
    string Directory,
    ImmutableArray<string> Practices,
    ImmutableArray<string> FeeSchedules,
    ImmutableArray<string> Accounts,
    ImmutableArray<string> Claims,
    ImmutableArray<string> Remittances,
    ImmutableArray<string> BankReports,
    ImmutableArray<string> DepositCsvFiles,
    string ExpectationsFile,
    Expectations Expectations);
