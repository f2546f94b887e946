namespace ArCluster.Simulation.Deposits;

/// <summary>
/// The same day's credits in ArCluster's deposit CSV (date, amount, method, reference, practice,
/// account, payer): what a practice exports from online banking when there is no BAI2 feed.
/// </summary>
internal static class DepositCsvWriter
{
    public const string Header = "date,amount,method,reference,practice,account,payer";

    public static void Write(TextWriter output, DateOnly day, IEnumerable<AccountDay> accounts)
    {
        output.Write(Header);
        output.Write('\n');
        foreach (var account in accounts)
        {
            foreach (var (deposit, bankReference) in account.Credits)
            {
                var method = deposit.Kind switch
                {
                    DepositKind.PayerEft => "ACH",
                    DepositKind.MiscellaneousCredit => "OTHER",
                    _ => "CHECK",
                };
                var payer = deposit.Kind == DepositKind.PayerEft ? deposit.Payer!.OriginatingCompanyId : "";
                output.Write($"{day:yyyy-MM-dd},{Amounts.Csv(deposit.Amount)},{method},{deposit.Reference ?? bankReference},{account.PracticeId},{account.AccountNumber},{payer}");
                output.Write('\n');
            }
        }
    }
}
