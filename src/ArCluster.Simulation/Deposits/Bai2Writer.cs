using System.Globalization;

namespace ArCluster.Simulation.Deposits;

/// <summary>
/// Writes a prior-day BAI2 report: one group per bank, one account (03) per practice with its opening
/// and closing ledger balances and total credits, a 16 per credit. EFTs carry the payer's TRN in an 88
/// continuation as banks copy it from the CCD+ addenda; checks carry the check number as the customer
/// reference. Control totals (49, 98, 99) sum every amount of their scope, 03 balances included, and
/// record counts include the 88s.
/// </summary>
internal static class Bai2Writer
{
    /// <summary>The reporting service that sends the billing company its clients' bank reports.</summary>
    public const string Sender = "SIMBANKHUB";

    public static void Write(TextWriter output, DateOnly asOf, int fileNumber, IReadOnlyList<BankGroup> groups)
    {
        var records = 1;
        var fileTotal = 0L;
        Line(output, $"01,{Sender},{Remittances.RemittanceFileWriter.Receiver},{asOf.AddDays(1):yyMMdd},0600,{fileNumber},,,2/");
        foreach (var group in groups)
        {
            var groupRecords = 1;
            var groupTotal = 0L;
            Line(output, $"02,{Remittances.RemittanceFileWriter.Receiver},{group.RoutingNumber},1,{asOf:yyMMdd},2359,USD,2/");
            foreach (var account in group.Accounts)
            {
                var credits = account.Credits.Sum(c => Amounts.Cents(c.Deposit.Amount));
                var total = Amounts.Cents(account.Opening) + Amounts.Cents(account.Closing) + credits;
                var accountRecords = 1;
                Line(output, $"03,{account.AccountNumber},USD,010,{Amounts.Cents(account.Opening)},,,015,{Amounts.Cents(account.Closing)},,,100,{credits},{account.Credits.Count},/");
                foreach (var (deposit, bankReference) in account.Credits)
                {
                    var cents = Amounts.Cents(deposit.Amount);
                    total += cents;
                    accountRecords += Credit(output, deposit, cents, bankReference);
                }

                accountRecords++;
                Line(output, $"49,{total},{accountRecords}/");
                groupRecords += accountRecords;
                groupTotal += total;
            }

            groupRecords++;
            Line(output, $"98,{groupTotal},{group.Accounts.Count},{groupRecords}/");
            records += groupRecords;
            fileTotal += groupTotal;
        }

        records++;
        Line(output, $"99,{fileTotal},{groups.Count},{records}/");
    }

    /// <summary>Writes the credit's 16 (and 88) records; returns how many.</summary>
    private static int Credit(TextWriter output, Deposit deposit, long cents, string bankReference)
    {
        switch (deposit.Kind)
        {
            case DepositKind.PayerEft:
                var payer = deposit.Payer!;
                Line(output, $"16,165,{cents},0,{bankReference},,{payer.RemittanceName} HCCLAIMPMT CCD");
                Line(output, $"88,TRN*1*{deposit.Reference}*{payer.OriginatingCompanyId}\\");
                return 2;
            case DepositKind.PayerCheck:
            case DepositKind.PatientCheck:
                Line(output, $"16,175,{cents},0,{bankReference},{deposit.Reference},DEPOSIT - 1 CHECK/");
                return 1;
            default:
                Line(output, $"16,399,{cents},0,{bankReference},,MISCELLANEOUS CREDIT/");
                return 1;
        }
    }

    private static void Line(TextWriter output, FormattableString line)
    {
        output.Write(line.ToString(CultureInfo.InvariantCulture));
        output.Write('\n');
    }
}
