using ArCluster.Abstractions.Practices;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Randomness;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Adjudication;

/// <summary>
/// What will happen to an insured claim at its payers, drawn from its own stream (seed, practice,
/// claim). Every draw is made whether or not it is used, in a fixed order, so one decision never
/// shifts another and the fate of any claim can be worked out alone.
/// </summary>
internal sealed record ClaimFate
{
    /// <summary>Days from service to the primary payer's adjudication (then rounded up to its next payment day).</summary>
    public required int LagDays { get; init; }

    /// <summary>Paid after the prompt-payment window, with interest.</summary>
    public required bool Late { get; init; }

    public required DenialReason? Denial { get; init; }

    /// <summary>0-based line denied on an otherwise paid claim, or -1.</summary>
    public required int DeniedLine { get; init; }

    public required DenialReason LineDenial { get; init; }

    /// <summary>0-based line allowed below contract, or -1.</summary>
    public required int UnderpaidLine { get; init; }

    public required decimal UnderpaidShare { get; init; }

    /// <summary>Lines paid in the first remittance when the payer splits the claim; 0 when it does not.</summary>
    public required int SplitAfter { get; init; }

    public required int SplitLagDays { get; init; }

    /// <summary>Reversed and paid again corrected (when the first payment was more than zero).</summary>
    public required bool Reversal { get; init; }

    public required int ReversalLagDays { get; init; }

    /// <summary>For a correction that bundles a line instead of raising the fees.</summary>
    public required bool CorrectionBundlesLine { get; init; }

    public required int CorrectionLineRoll { get; init; }

    public required decimal CorrectionUplift { get; init; }

    /// <summary>An overpayment recovered later by PLB WO (when the payment was more than zero).</summary>
    public required bool Recoupment { get; init; }

    public required decimal RecoupmentShare { get; init; }

    public required int RecoupmentLagDays { get; init; }

    /// <summary>Deductible still to meet this year, taken from the claim's cost-shared lines first.</summary>
    public required decimal Deductible { get; init; }

    /// <summary>Medicaid's nominal copay on the visit, or zero.</summary>
    public required decimal MedicaidCopay { get; init; }

    public required int SecondaryLagDays { get; init; }

    /// <summary>Share of the primary's patient responsibility the secondary pays (1: all of it); the rest is its contractual write-off.</summary>
    public required decimal SecondaryShare { get; init; }

    public bool Denied => Denial is not null;

    public static ClaimFate Of(SimulationOptions options, int practice, SimulatedClaim claim, PayerProfile payer)
    {
        var r = Streams.Of(options.Seed, Purpose.Fate, practice, claim.Index);
        var lag = r.Between(payer.LagMin, payer.LagMax);
        var lateRoll = r.NextDouble();
        var lateLag = r.Between(45, 75);
        var denyRoll = r.NextDouble();
        var denyReasonRoll = r.NextDouble();
        var lineDenyRoll = r.NextDouble();
        var lineDenyPick = r.Next(1 << 20);
        var lineDenyReasonRoll = r.NextDouble();
        var underRoll = r.NextDouble();
        var underPick = r.Next(1 << 20);
        var underShare = r.Factor(0.80m, 0.95m);
        var splitRoll = r.NextDouble();
        var splitPick = r.Next(1 << 20);
        var splitLag = r.Between(7, 28);
        var reverseRoll = r.NextDouble();
        var reversalLag = r.Between(14, 60);
        var bundleRoll = r.NextDouble();
        var correctionLine = r.Next(1 << 20);
        var uplift = r.Factor(1.03m, 1.08m);
        var recoupRoll = r.NextDouble();
        var recoupShare = r.Factor(0.10m, 1.00m);
        var recoupLag = r.Between(30, 90);
        var deductibleRoll = r.NextDouble();
        var deductible = payer.Kind == PayerKind.Medicare ? r.Amount(20m, 257m) : r.Amount(25m, 500m);
        var copayRoll = r.NextDouble();
        var medicaidCopay = r.Between(1, 4);
        var secondaryLag = r.Between(7, 21);
        var secondaryFullRoll = r.NextDouble();
        var secondaryShare = r.Factor(0.30m, 0.90m);

        var lines = claim.Lines;
        var dual = claim.Patient.SecondaryPayer is not null;
        var denied = denyRoll < options.DenialRate;
        var denial = denied
            ? DenialReasons.Pick(dual ? DenialReasons.ClaimWithoutPatientShare : DenialReasons.Claim, denyReasonRoll)
            : null;
        var late = !denied && lateRoll < options.LatePaymentRate;

        // Bundling and medical-necessity denials hit the ancillary services, never the visit itself.
        var deniedLine = -1;
        if (!denied && lines.Length >= 2 && lineDenyRoll < options.LineDenialRate)
        {
            deniedLine = PickLine(lines, lineDenyPick, (_, line) => !line.Procedure.IsVisit);
        }

        // Underpayment is judged per code against the schedule's per-unit rate, so only single units are underpaid.
        var underpaidLine = -1;
        if (!denied && underRoll < options.UnderpaymentRate)
        {
            underpaidLine = PickLine(lines, underPick, (i, line) => i != deniedLine && line.Units == 1m);
        }

        var split = !denied && !dual && !late && lines.Length >= 2 && splitRoll < options.SplitPaymentRate
            ? 1 + (splitPick % (lines.Length - 1))
            : 0;
        var reversal = !denied && !dual && !late && split == 0 && reverseRoll < options.ReversalRate;
        var recoupment = !denied && !dual && split == 0 && !reversal && recoupRoll < options.RecoupmentRate;

        // Deductibles are mostly met by spring; a claim early in the year meets more of it.
        var deductibleChance = payer.Kind switch
        {
            PayerKind.Medicare => claim.ServiceDate.Month <= 3 ? 0.35 : 0.05,
            PayerKind.Commercial => claim.ServiceDate.Month <= 3 ? 0.30 : 0.10,
            _ => 0.0,
        };

        return new ClaimFate
        {
            LagDays = late ? lateLag : lag,
            Late = late,
            Denial = denial,
            DeniedLine = deniedLine,
            LineDenial = DenialReasons.Pick(DenialReasons.Line, lineDenyReasonRoll),
            UnderpaidLine = underpaidLine,
            UnderpaidShare = underShare,
            SplitAfter = split,
            SplitLagDays = splitLag,
            Reversal = reversal,
            ReversalLagDays = reversalLag,
            CorrectionBundlesLine = bundleRoll < 0.4,
            CorrectionLineRoll = correctionLine,
            CorrectionUplift = uplift,
            Recoupment = recoupment,
            RecoupmentShare = recoupShare,
            RecoupmentLagDays = recoupLag,
            Deductible = deductibleRoll < deductibleChance ? deductible : 0m,
            MedicaidCopay = payer.Kind == PayerKind.Medicaid && copayRoll < 0.3 ? medicaidCopay : 0m,
            SecondaryLagDays = secondaryLag,
            SecondaryShare = secondaryFullRoll < 0.65 ? 1m : secondaryShare,
        };
    }

    /// <summary>One of the lines that qualify, chosen by <paramref name="roll"/>, or -1 when none does.</summary>
    private static int PickLine(IReadOnlyList<ClaimLine> lines, int roll, Func<int, ClaimLine, bool> qualifies)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => qualifies(i, lines[i])).ToArray();
        return candidates.Length == 0 ? -1 : candidates[roll % candidates.Length];
    }
}
