using ArCluster.BankFiles;
using ArCluster.Domain.Validation;
using ArCluster.Simulation.Calendar;
using BankDepositRules = ArCluster.Domain.Deposits.BankDepositRules;

namespace ArCluster.Simulation.Tests;

[Collection(SmallRunGroup.Name)]
public sealed class DepositFilesTest(SmallRun small)
{
    private readonly GeneratedRun _run = small.Run;

    [Fact]
    public void Every_BAI2_report_and_deposit_CSV_is_accepted_by_the_deposit_reader()
    {
        Assert.NotEmpty(_run.BankReports);
        Assert.All(_run.BankReports.Concat(_run.DepositCsvFiles), f => Assert.True(f.IsAccepted, $"{f.Path}: {(f as RejectedDepositFile)?.Describe()}"));
        Assert.All(_run.BankReports, f => Assert.Equal(DepositFileFormat.Bai2, f.Format));
        Assert.All(_run.DepositCsvFiles, f => Assert.Equal(DepositFileFormat.Csv, f.Format));
        Assert.Equal(_run.Expected.BankFiles, _run.BankReports.Count);
    }

    [Fact]
    public void The_csv_carries_the_same_deposits_as_the_BAI2_report_of_its_day()
    {
        var practices = _run.Simulation.Practices.ToDictionary(p => p.DepositAccount, p => p.PracticeId);
        foreach (var (bai, csv) in _run.BankReports.Cast<AcceptedDepositFile>().Zip(_run.DepositCsvFiles.Cast<AcceptedDepositFile>()))
        {
            Assert.Equal(Path.GetFileNameWithoutExtension(bai.Path), Path.GetFileNameWithoutExtension(csv.Path));
            Assert.Equal(
                bai.Deposits.Select(d => (d.BankAccount, practices[d.BankAccount!], d.DepositDate, d.Amount, d.Method, d.Reference, d.PayerTaxId)),
                csv.Deposits.Select(d => (d.BankAccount, d.PracticeId!, d.DepositDate, d.Amount, d.Method, d.Reference, d.PayerTaxId)));
        }
    }

    [Fact]
    public void Deposits_pass_ArCluster_deposit_rules_and_land_on_business_days()
    {
        var practices = _run.Simulation.Practices.ToDictionary(p => p.DepositAccount, p => p.PracticeId);
        foreach (var deposit in _run.BankDeposits)
        {
            var violations = new Violations();
            Assert.NotNull(BankDepositRules.Check(practices[deposit.BankAccount!], deposit.DepositDate, deposit.Amount, deposit.Method.ToString(), deposit.Reference, deposit.PayerTaxId, deposit.BankAccount, deposit.BankReference, violations));
            Assert.True(BusinessCalendar.IsBusinessDay(deposit.DepositDate), $"{deposit.DepositDate} is not a business day");
        }
    }

    [Fact]
    public void Deposits_match_their_835s_except_the_exceptions_made_on_purpose()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            var expected = _run.Expected.For(practice.PracticeId).Reassociation;
            var (matched, mismatched, noDeposit, noAdvice) = Reassociate.Practice(_run, practice);

            Assert.Equal(expected.Matched, matched);
            Assert.Equal(expected.AmountMismatch, mismatched);
            Assert.Equal(expected.RemittanceWithoutDeposit, noDeposit);
            Assert.Equal(expected.DepositWithoutRemittance, noAdvice);
            Assert.True(matched > 10 * (mismatched + noDeposit), $"{practice.PracticeId}: {matched} matched against {mismatched + noDeposit} exceptions");
        }

        var total = _run.Expected.Total.Reassociation;
        Assert.True(total.AmountMismatch + total.RemittanceWithoutDeposit + total.DepositWithoutRemittance > 0, "the run has no reassociation exception to find");
    }

    [Fact]
    public void EFTs_arrive_one_or_two_business_days_after_the_payment_date_and_checks_later()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            var deposits = Reassociate.DepositsOf(_run, practice).ToLookup(d => Reassociate.Normalize(d.Reference));
            foreach (var remittance in _run.Remittances.Where(r => r.Practice == practice && r.Advice.PaymentMethod != "NON"))
            {
                var deposit = deposits[Reassociate.Normalize(remittance.Advice.TraceNumber)].SingleOrDefault();
                if (deposit is null)
                {
                    continue;
                }

                var (method, low, high) = remittance.Advice.PaymentMethod == "ACH" ? (DepositMethod.Ach, 1, 2) : (DepositMethod.Check, 3, 6);
                Assert.Equal(method, deposit.Method);
                Assert.InRange(BusinessDaysBetween(remittance.Advice.PaymentDate, deposit.DepositDate), low, high);
                if (method == DepositMethod.Ach)
                {
                    Assert.Equal(remittance.Advice.OriginatingCompanyId, deposit.PayerTaxId);
                }
            }
        }
    }

    [Fact]
    public void Money_without_an_835_is_patient_checks_and_other_credits()
    {
        var traces = _run.Remittances.Select(r => Reassociate.Normalize(r.Advice.TraceNumber)).ToHashSet();
        var unexplained = _run.BankDeposits.Where(d => !traces.Contains(Reassociate.Normalize(d.Reference))).ToList();

        Assert.Equal(_run.Expected.Total.Reassociation.DepositWithoutRemittance, unexplained.Count);
        Assert.Equal(_run.Expected.Total.DepositsWithoutRemittance, unexplained.Sum(d => d.Amount));
        Assert.All(unexplained, d => Assert.Contains(d.Method, (DepositMethod[])[DepositMethod.Check, DepositMethod.Other]));
    }

    private static int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from; day < to; day = BusinessCalendar.AddBusinessDays(day, 1))
        {
            days++;
        }

        return days;
    }
}
