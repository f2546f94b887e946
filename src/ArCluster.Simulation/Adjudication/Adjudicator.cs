using ArCluster.Abstractions.Practices;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Practices;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Adjudication;

/// <summary>
/// How payers decide what they pay, line by line. The allowed amount is the contracted fee times
/// the units; the charge above it is CO-45. The patient's share follows the plan: commercial plans
/// charge the copay on the visit and deductible then coinsurance on other services; Medicare Part B
/// the deductible then 20%, nothing on preventive services and clinical labs, and takes 2%
/// sequestration from what it pays (CO-253); Medicaid at most a nominal copay.
/// </summary>
internal static class Adjudicator
{
    private const decimal MedicareCoinsurance = 0.20m;
    private const decimal Sequestration = 0.02m;

    /// <summary>How a correction differs from the original adjudication.</summary>
    public readonly record struct Variant(bool Underpay, int ExtraDeniedLine, decimal Uplift)
    {
        public static readonly Variant Original = new(true, -1, 1m);
    }

    /// <summary>The primary payer's adjudication (CLP02 1, 19 when it crosses over to Medicaid, 4 when denied).</summary>
    public static RemittedClaim Primary(PracticeModel practice, SimulatedClaim claim, ClaimFate fate, Variant variant, string payerClaimNumber)
    {
        var payer = claim.Patient.PrimaryPayer!;
        var services = new RemittedService[claim.Lines.Length];
        if (fate.Denial is { } denial)
        {
            for (var i = 0; i < services.Length; i++)
            {
                var line = claim.Lines[i];
                services[i] = new RemittedService(line, line.Charge, 0m, null, [new Adjustment(denial.Group, denial.Reason, line.Charge)], denial.Remark);
            }

            return new RemittedClaim(claim, payer, "4", payerClaimNumber, services);
        }

        var deductible = fate.Deductible;
        var copay = payer.Kind switch
        {
            PayerKind.Commercial => claim.Patient.Copay,
            PayerKind.Medicaid => fate.MedicaidCopay,
            _ => 0m,
        };
        for (var i = 0; i < services.Length; i++)
        {
            var line = claim.Lines[i];
            if (i == fate.DeniedLine || i == variant.ExtraDeniedLine)
            {
                var reason = i == fate.DeniedLine ? fate.LineDenial : DenialReasons.Line[0];
                services[i] = new RemittedService(line, line.Charge, 0m, null, [new Adjustment(reason.Group, reason.Reason, line.Charge)], reason.Remark);
                continue;
            }

            var allowed = Amounts.Round(practice.FeeOf(payer, line.Code) * line.Units * variant.Uplift);
            if (variant.Underpay && i == fate.UnderpaidLine)
            {
                allowed = Amounts.Round(allowed * fate.UnderpaidShare);
            }

            allowed = Math.Min(allowed, line.Charge);
            services[i] = Service(line, payer, allowed, ref deductible, ref copay, claim.Patient.Coinsurance);
        }

        var patientShare = services.Sum(s => s.PatientResponsibility);
        return claim.Patient.SecondaryPayer is { } secondary && patientShare > 0m
            ? new RemittedClaim(claim, payer, "19", payerClaimNumber, services, secondary, "MA07")
            : new RemittedClaim(claim, payer, "1", payerClaimNumber, services);
    }

    /// <summary>
    /// The correction that follows a reversal: an underpaid line paid at contract, or (when nothing
    /// was underpaid) a retroactive fee increase, or an ancillary line bundled after review.
    /// </summary>
    public static RemittedClaim Correction(PracticeModel practice, SimulatedClaim claim, ClaimFate fate, RemittedClaim original, string payerClaimNumber)
    {
        if (fate.UnderpaidLine >= 0)
        {
            return Primary(practice, claim, fate, new Variant(false, -1, 1m), payerClaimNumber);
        }

        var bundleable = Enumerable.Range(0, claim.Lines.Length)
            .Where(i => i != fate.DeniedLine && !claim.Lines[i].Procedure.IsVisit && original.Services[i].Paid > 0m)
            .ToArray();
        var paidLines = original.Services.Count(s => s.Paid > 0m);
        return fate.CorrectionBundlesLine && bundleable.Length > 0 && paidLines > 1
            ? Primary(practice, claim, fate, new Variant(true, bundleable[fate.CorrectionLineRoll % bundleable.Length], 1m), payerClaimNumber)
            : Primary(practice, claim, fate, new Variant(true, -1, fate.CorrectionUplift), payerClaimNumber);
    }

    /// <summary>
    /// Medicaid as secondary (CLP02 2) on a Medicare crossover: the primary's effect is OA-23, it pays
    /// the patient's share — all of it, or its own lower rate with the rest written off CO-45 — and
    /// a dual-eligible patient owes nothing (no PR).
    /// </summary>
    public static RemittedClaim Secondary(RemittedClaim primary, ClaimFate fate, string payerClaimNumber)
    {
        var services = new RemittedService[primary.Services.Length];
        for (var i = 0; i < services.Length; i++)
        {
            var before = primary.Services[i];
            var owed = before.PatientResponsibility;
            var paid = fate.SecondaryShare == 1m ? owed : Amounts.Round(owed * fate.SecondaryShare);
            var adjustments = new List<Adjustment>(2);
            if (before.Charge - owed != 0m)
            {
                adjustments.Add(new Adjustment("OA", "23", before.Charge - owed));
            }

            if (owed - paid != 0m)
            {
                adjustments.Add(new Adjustment("CO", "45", owed - paid));
            }

            services[i] = new RemittedService(before.Line, before.Charge, paid, null, [.. adjustments], null);
        }

        return new RemittedClaim(primary.Claim, primary.CrossoverTo!, "2", payerClaimNumber, services);
    }

    /// <summary>The lines the payer pays in one remittance when it splits a claim, as a claim of their own.</summary>
    public static RemittedClaim Part(RemittedClaim claim, int from, int to, string payerClaimNumber) =>
        claim with { PayerClaimNumber = payerClaimNumber, Services = claim.Services[from..to] };

    private static RemittedService Service(ClaimLine line, PayerProfile payer, decimal allowed, ref decimal deductible, ref decimal copay, decimal coinsurance)
    {
        var adjustments = new List<Adjustment>(4);
        if (line.Charge - allowed > 0m)
        {
            adjustments.Add(new Adjustment("CO", "45", line.Charge - allowed));
        }

        var kind = line.Procedure.Kind;
        var shared = kind switch
        {
            ProcedureKind.Preventive => false,
            ProcedureKind.Laboratory => payer.Kind == PayerKind.Commercial,
            ProcedureKind.Visit => payer.Kind == PayerKind.Medicare,
            _ => payer.Kind != PayerKind.Medicaid,
        };
        var patient = 0m;
        if (kind == ProcedureKind.Visit && payer.Kind != PayerKind.Medicare && copay > 0m)
        {
            var amount = Math.Min(copay, allowed);
            copay = 0m;
            patient += Add(adjustments, "3", amount);
        }

        if (shared)
        {
            var toDeductible = Math.Min(deductible, allowed);
            deductible -= toDeductible;
            patient += Add(adjustments, "1", toDeductible);
            var rate = payer.Kind == PayerKind.Medicare ? MedicareCoinsurance : coinsurance;
            patient += Add(adjustments, "2", Amounts.Round((allowed - toDeductible) * rate));
        }

        var payable = allowed - patient;
        if (payer.Kind == PayerKind.Medicare)
        {
            var reduction = Amounts.Round(payable * Sequestration);
            if (reduction > 0m)
            {
                adjustments.Add(new Adjustment("CO", "253", reduction));
                payable -= reduction;
            }
        }

        return new RemittedService(line, line.Charge, payable, allowed, [.. adjustments], null);
    }

    private static decimal Add(List<Adjustment> adjustments, string reason, decimal amount)
    {
        if (amount > 0m)
        {
            adjustments.Add(new Adjustment("PR", reason, amount));
        }

        return amount;
    }
}
