using System.Globalization;
using ArCluster.Simulation.Calendar;
using ArCluster.Simulation.Deposits;
using ArCluster.Simulation.Practices;
using ArCluster.Simulation.Randomness;
using ArCluster.Simulation.Remittances;

namespace ArCluster.Simulation.Engine;

internal sealed partial class SimulationRun
{
    private readonly decimal[] _balances;
    private readonly int[] _patientChecks;
    private readonly (string Routing, PracticeModel[] Practices)[] _banks;

    /// <summary>Money with no 835 behind it: now and then a patient's check, rarely some other credit.</summary>
    private void OtherCredits(DateOnly day)
    {
        foreach (var practice in _practices)
        {
            var random = Streams.Of(_options.Seed, Purpose.BankDay, practice.Index, day.DayNumber);
            var checkArrives = random.Chance(_options.PatientCheckRate);
            var checkAmount = random.Amount(10m, 350m);
            var checkNumberOffset = random.Next(37);
            var checkDelay = random.Between(0, 2);
            var creditArrives = random.Chance(_options.MiscCreditRate);
            var creditAmount = random.Amount(5m, 2_500m);
            var reassociation = _expected[practice.Index].Reassociation;
            if (checkArrives)
            {
                // Patients' personal check numbers: short, and never two alike at one practice.
                var number = 1001 + (_patientChecks[practice.Index]++ * 37) + checkNumberOffset;
                _deposits.Add(
                    BusinessCalendar.AddBusinessDays(day, checkDelay),
                    new Deposit(practice.Index, checkAmount, DepositKind.PatientCheck, number.ToString(CultureInfo.InvariantCulture), null));
                reassociation.DepositWithoutRemittance++;
            }

            if (creditArrives)
            {
                _deposits.Add(day, new Deposit(practice.Index, creditAmount, DepositKind.MiscellaneousCredit, null, null));
                reassociation.DepositWithoutRemittance++;
            }
        }
    }

    /// <summary>The bank's report of the day's credits to every practice's account: a BAI2 file and the same as CSV.</summary>
    private void BankReport(DateOnly day)
    {
        var credits = _deposits.Take(day).ToLookup(d => d.Practice);
        var groups = new List<BankGroup>(_banks.Length);
        var accounts = new List<AccountDay>(_practices.Length);
        foreach (var (routing, practices) in _banks)
        {
            var group = new List<AccountDay>(practices.Length);
            foreach (var practice in practices)
            {
                var expected = _expected[practice.Index];
                var sequence = 0;
                var posted = credits[practice.Index]
                    .Select(d => (Deposit: d, BankReference: string.Create(CultureInfo.InvariantCulture, $"{day:yyMMdd}{practice.Index + 1:D4}{++sequence:D4}")))
                    .ToList();
                var account = new AccountDay(practice.Practice.PracticeId, practice.Practice.DepositAccount, _balances[practice.Index], posted);
                foreach (var (deposit, _) in posted)
                {
                    expected.Deposits++;
                    expected.DepositTotal += deposit.Amount;
                    if (deposit.Kind is DepositKind.PatientCheck or DepositKind.MiscellaneousCredit)
                    {
                        expected.DepositsWithoutRemittance += deposit.Amount;
                    }
                }

                _balances[practice.Index] = account.Closing;
                group.Add(account);
                accounts.Add(account);
            }

            groups.Add(new BankGroup(routing, group));
        }

        var (bai, baiWriter) = _output.CreateText(string.Create(CultureInfo.InvariantCulture, $"bank/{day:yyyyMMdd}.bai"));
        using (baiWriter)
        {
            Bai2Writer.Write(baiWriter, day, _bankFiles.Count + 1, groups);
        }

        _bankFiles.Add(bai);
        var (csv, csvWriter) = _output.CreateText(string.Create(CultureInfo.InvariantCulture, $"bank/{day:yyyyMMdd}.csv"));
        using (csvWriter)
        {
            DepositCsvWriter.Write(csvWriter, day, accounts);
        }

        _csvFiles.Add(csv);
    }

    /// <summary>
    /// The money for a paying 835: an EFT one or two business days after BPR16, a check deposited three
    /// to six days after. On purpose, a few never arrive and a few arrive short (a bank fee, a partial credit).
    /// </summary>
    private void PlanDeposit(RemittanceTransaction transaction)
    {
        var reassociation = _expected[transaction.Practice.Index].Reassociation;
        if (transaction.Method == "NON")
        {
            // Nothing was due, so nothing is missing.
            reassociation.Matched++;
            return;
        }

        var random = Streams.Of(_options.Seed, Purpose.Deposit, transaction.Payer.Index, transaction.Practice.Index, transaction.PaymentDate.DayNumber);
        var roll = random.NextDouble();
        var eftDelay = random.Between(1, 2);
        var checkDelay = random.Between(3, 6);
        var feeTaken = random.Chance(0.7);
        var fee = random.Amount(0.25m, 15m);
        var share = random.Factor(0.50m, 0.95m);
        if (roll < _options.MissingDepositRate)
        {
            reassociation.RemittanceWithoutDeposit++;
            return;
        }

        var amount = transaction.Total;
        if (roll < _options.MissingDepositRate + _options.DepositMismatchRate)
        {
            var credited = feeTaken ? amount - fee : Amounts.Round(amount * share);
            amount = credited > 0m && credited != amount ? credited : amount + 1m;
            reassociation.AmountMismatch++;
        }
        else
        {
            reassociation.Matched++;
        }

        var check = transaction.Method == "CHK";
        _deposits.Add(
            BusinessCalendar.AddBusinessDays(transaction.PaymentDate, check ? checkDelay : eftDelay),
            new Deposit(transaction.Practice.Index, amount, check ? DepositKind.PayerCheck : DepositKind.PayerEft, transaction.TraceNumber, transaction.Payer));
    }
}
