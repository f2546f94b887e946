using System.Globalization;
using ArCluster.Simulation.Adjudication;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Practices;
using ArCluster.Simulation.Randomness;
using ArCluster.Simulation.Remittances;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Engine;

internal sealed partial class SimulationRun
{
    private readonly int[] _interchanges;

    /// <summary>Each payer with something due today sends one 835 file: a transaction per practice it pays.</summary>
    private void Remittances(DateOnly day)
    {
        var events = _claimEvents.Take(day);
        events.AddRange(_recoupments.Take(day));
        if (events.Count == 0)
        {
            return;
        }

        events.Sort();
        var start = 0;
        while (start < events.Count)
        {
            var payer = Payers.All[events[start].Payer];
            var end = start;
            while (end < events.Count && events[end].Payer == payer.Index)
            {
                end++;
            }

            WriteRemittanceFile(day, payer, events, start, end);
            start = end;
        }
    }

    private void WriteRemittanceFile(DateOnly day, PayerProfile payer, List<PendingEvent> events, int start, int end)
    {
        string? path = null;
        TextWriter? output = null;
        RemittanceFileWriter? file = null;
        try
        {
            while (start < end)
            {
                var practice = _practices[events[start].Practice];
                var last = start;
                while (last < end && events[last].Practice == practice.Index)
                {
                    last++;
                }

                if (Transaction(day, payer, practice, events, start, last) is { } transaction)
                {
                    if (file is null)
                    {
                        (path, output) = _output.CreateText(string.Create(CultureInfo.InvariantCulture, $"era/{day:yyyyMMdd}-{payer.PayerId}.835"));
                        file = new RemittanceFileWriter(output, payer, day, ++_interchanges[payer.Index]);
                        file.Begin();
                    }

                    file.Write(transaction);
                    _transactions++;
                    Expect(transaction);
                    PlanDeposit(transaction);
                }

                start = last;
            }

            if (file is not null)
            {
                file.End();
                _remittanceFiles.Add(path!);
            }
        }
        finally
        {
            output?.Dispose();
        }
    }

    /// <summary>
    /// The payer's transaction for one practice today, or null when it has no claim to pay (a
    /// recoupment alone waits: payers take it out of a later payment).
    /// </summary>
    private RemittanceTransaction? Transaction(DateOnly day, PayerProfile payer, PracticeModel practice, List<PendingEvent> events, int start, int end)
    {
        var transaction = new RemittanceTransaction(practice, payer, day);
        var expected = _expected[practice.Index];
        var byPayer = _expectedByPayer[practice.Index][payer.Index];
        var recoupments = new List<ClaimCourse>();
        for (var i = start; i < end; i++)
        {
            var pending = events[i];
            var course = ClaimCourse.Of(_options, practice, ClaimFactory.Create(_options, practice, pending.Claim))!;
            switch (pending.Kind)
            {
                case EventKind.Primary:
                    FirstAdjudication(transaction, course, pending, expected, byPayer);
                    break;
                case EventKind.SecondPayment:
                    transaction.Claims.Add(course.SecondPayment);
                    break;
                case EventKind.Reversal:
                    // The reversal first, then the correction: posting cancels the payment before paying again.
                    transaction.Claims.Add(course.Original.Reversal());
                    transaction.Claims.Add(course.Correction);
                    expected.Reversals++;
                    break;
                case EventKind.Secondary:
                    transaction.Claims.Add(course.Secondary);
                    expected.SecondaryAdjudications++;
                    break;
                default:
                    recoupments.Add(course);
                    break;
            }
        }

        var nextPaymentDay = payer.PaymentDayOnOrAfter(day.AddDays(1));
        if (transaction.Claims.Count == 0)
        {
            foreach (var course in recoupments)
            {
                _recoupments.Add(nextPaymentDay, new PendingEvent(practice.Index, course.Claim.Index, (byte)payer.Index, EventKind.Recoupment));
            }

            return null;
        }

        if (Streams.Of(_options.Seed, Purpose.Transaction, payer.Index, practice.Index, day.DayNumber).Chance(_options.UnknownClaimRate))
        {
            transaction.Claims.Add(UnknownClaims.Create(_options, practice, payer, day, Streams.Of(_options.Seed, Purpose.Transaction, payer.Index, practice.Index, -day.DayNumber)));
        }

        // A recovery never turns the payment into a debit: what this payment cannot cover waits for the next.
        foreach (var course in recoupments)
        {
            var amount = course.RecoupmentAmount;
            if (transaction.Total - amount >= 0.01m)
            {
                transaction.ProviderAdjustments.Add(new ProviderAdjustment("WO", course.Original.PayerClaimNumber, amount));
                expected.Recoupments++;
                expected.Recouped += amount;
            }
            else
            {
                _recoupments.Add(nextPaymentDay, new PendingEvent(practice.Index, course.Claim.Index, (byte)payer.Index, EventKind.Recoupment));
            }
        }

        ForwardBalance(transaction, expected);
        if (transaction.Total == 0m)
        {
            transaction.Method = "NON";
            transaction.TraceNumber = TraceNumbers.Eft(payer, practice.Index, day);
        }
        else if (practice.PaidByCheck(payer))
        {
            transaction.Method = "CHK";
            transaction.TraceNumber = TraceNumbers.Check(payer, practice.Index, day);
        }
        else
        {
            transaction.Method = "ACH";
            transaction.TraceNumber = TraceNumbers.Eft(payer, practice.Index, day);
        }

        return transaction;
    }

    /// <summary>The primary's first adjudication, and what it sets in motion: the rest of a split, a reversal, the crossover, a recoupment.</summary>
    private void FirstAdjudication(RemittanceTransaction transaction, ClaimCourse course, PendingEvent pending, PracticeExpectations expected, PayerExpectations byPayer)
    {
        var fate = course.Fate;
        expected.ClaimsAdjudicated++;
        byPayer.ClaimsAdjudicated++;
        if (fate.Denied)
        {
            expected.ClaimsDenied++;
            byPayer.ClaimsDenied++;
        }

        if (fate.DeniedLine >= 0)
        {
            expected.LinesDenied++;
        }

        if (fate.UnderpaidLine >= 0)
        {
            var service = course.Original.Services[fate.UnderpaidLine];
            expected.UnderpaidLines++;
            expected.Underpaid += Amounts.Round(course.Practice.FeeOf(course.Payer, service.Line.Code) * service.Line.Units) - service.Allowed!.Value;
        }

        transaction.Claims.Add(course.FirstPayment);
        if (course.Interest > 0m)
        {
            // Interest is reported at provider level, referencing the claim's payer claim number.
            transaction.ProviderAdjustments.Add(new ProviderAdjustment("L6", course.Original.PayerClaimNumber, -course.Interest));
            expected.LatePayments++;
            expected.Interest += course.Interest;
        }

        if (course.IsSplit)
        {
            expected.SplitClaims++;
            _claimEvents.Add(course.SecondPaymentDate, pending with { Kind = EventKind.SecondPayment });
        }

        if (course.IsReversed)
        {
            _claimEvents.Add(course.ReversalDate, pending with { Kind = EventKind.Reversal });
        }

        if (course.IsCrossedOver)
        {
            expected.Crossovers++;
            _claimEvents.Add(course.SecondaryDate, pending with { Payer = (byte)Payers.Medicaid.Index, Kind = EventKind.Secondary });
        }

        if (course.IsRecouped)
        {
            _recoupments.Add(course.RecoupmentDate, pending with { Kind = EventKind.Recoupment });
        }
    }
}
