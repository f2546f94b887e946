using ArCluster.Simulation.Adjudication;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Engine;

internal sealed partial class SimulationRun
{
    /// <summary>Every visit of a business day of service becomes a claim; an insured one waits for its payer's payment day.</summary>
    private void Visits(DateOnly day, int serviceDay)
    {
        foreach (var practice in _practices)
        {
            var expected = _expected[practice.Index];
            var writer = _claimWriters[practice.Index];
            for (var provider = 0; provider < practice.Practice.Providers.Length; provider++)
            {
                var (first, count) = practice.Schedule.Slot(serviceDay, provider);
                for (var index = first; index < first + count; index++)
                {
                    var claim = ClaimFactory.Create(_options, practice, index, day, provider);
                    writer.Write(claim.ToNewClaim(practice.Practice));
                    _claims++;
                    expected.Claims++;
                    expected.ServiceLines += claim.Lines.Length;
                    expected.Charges += claim.Charge;
                    if (claim.Patient.PrimaryPayer is not { } payer)
                    {
                        expected.SelfPayClaims++;
                        expected.SelfPayCharges += claim.Charge;
                        expected.PatientBalance += claim.Charge;
                        continue;
                    }

                    var fate = ClaimFate.Of(_options, practice.Index, claim, payer);
                    _claimEvents.Add(ClaimCourse.PaymentDateOf(payer, claim, fate), new PendingEvent(practice.Index, index, (byte)payer.Index, EventKind.Primary));
                }
            }
        }
    }
}
