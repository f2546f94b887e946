using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Practices;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Adjudication;

/// <summary>
/// The whole life of one claim at its payers, worked out from the claim alone: when the primary
/// pays and what, whether it splits the payment, reverses and corrects it, charges interest or later
/// recovers part of it, and what the secondary pays after a crossover.
/// </summary>
internal sealed class ClaimCourse
{
    /// <summary>Days from service after which a payer owes prompt-payment interest.</summary>
    public const int PromptPaymentDays = 30;

    private RemittedClaim? _correction;
    private RemittedClaim? _secondary;

    private ClaimCourse(PracticeModel practice, SimulatedClaim claim, ClaimFate fate)
    {
        Practice = practice;
        Claim = claim;
        Fate = fate;
        Payer = claim.Patient.PrimaryPayer!;
        PaymentDate = PaymentDateOf(Payer, claim, fate);
        Original = Adjudicator.Primary(practice, claim, fate, Adjudicator.Variant.Original, Number(Payer, PayerClaimNumbers.Original));
    }

    public PracticeModel Practice { get; }

    public SimulatedClaim Claim { get; }

    public ClaimFate Fate { get; }

    public PayerProfile Payer { get; }

    /// <summary>BPR16 of the remittance with the first adjudication.</summary>
    public DateOnly PaymentDate { get; }

    /// <summary>The first adjudication, all lines.</summary>
    public RemittedClaim Original { get; }

    public bool IsSplit => Fate.SplitAfter > 0;

    public bool IsReversed => Fate.Reversal && Original.Paid > 0m;

    public bool IsCrossedOver => Original.Status == "19";

    public bool IsRecouped => Fate.Recoupment && Original.Paid > 0m;

    /// <summary>What the first remittance carries: the whole claim, or the first part of a split one.</summary>
    public RemittedClaim FirstPayment => IsSplit ? Adjudicator.Part(Original, 0, Fate.SplitAfter, Number(Payer, PayerClaimNumbers.FirstSplit)) : Original;

    public RemittedClaim SecondPayment => Adjudicator.Part(Original, Fate.SplitAfter, Original.Services.Length, Number(Payer, PayerClaimNumbers.SecondSplit));

    public DateOnly SecondPaymentDate => Payer.PaymentDayOnOrAfter(PaymentDate.AddDays(Fate.SplitLagDays));

    public DateOnly ReversalDate => Payer.PaymentDayOnOrAfter(PaymentDate.AddDays(Fate.ReversalLagDays));

    public RemittedClaim Correction => _correction ??= Adjudicator.Correction(Practice, Claim, Fate, Original, Number(Payer, PayerClaimNumbers.Correction));

    public DateOnly SecondaryDate => Payers.Medicaid.PaymentDayOnOrAfter(PaymentDate.AddDays(Fate.SecondaryLagDays));

    public RemittedClaim Secondary => _secondary ??= Adjudicator.Secondary(Original, Fate, Number(Original.CrossoverTo!, PayerClaimNumbers.Original));

    public DateOnly RecoupmentDate => Payer.PaymentDayOnOrAfter(PaymentDate.AddDays(Fate.RecoupmentLagDays));

    public decimal RecoupmentAmount => IsRecouped ? Math.Max(0.01m, Amounts.Round(Original.Paid * Fate.RecoupmentShare)) : 0m;

    /// <summary>Prompt-payment interest on a late payment (PLB L6, written as a negative amount), or zero.</summary>
    public decimal Interest
    {
        get
        {
            var daysLate = PaymentDate.DayNumber - Claim.ServiceDate.DayNumber - PromptPaymentDays;
            return Fate.Late && daysLate > 0 && Original.Paid > 0m
                ? Amounts.Round(Original.Paid * Payer.AnnualInterestRate * daysLate / 365m)
                : 0m;
        }
    }

    /// <summary>What the primary payer has paid once every remittance is in: the correction replaces a reversed payment.</summary>
    public RemittedClaim FinalPrimary => IsReversed ? Correction : Original;

    /// <summary>The primary payer's first payment day for the claim: the adjudication lag after service, on one of its payment days.</summary>
    public static DateOnly PaymentDateOf(PayerProfile payer, SimulatedClaim claim, ClaimFate fate) =>
        payer.PaymentDayOnOrAfter(claim.ServiceDate.AddDays(fate.LagDays));

    /// <summary>The course of an insured claim, or null for self-pay.</summary>
    public static ClaimCourse? Of(SimulationOptions options, PracticeModel practice, SimulatedClaim claim) =>
        claim.Patient.PrimaryPayer is { } payer ? new ClaimCourse(practice, claim, ClaimFate.Of(options, practice.Index, claim, payer)) : null;

    private string Number(PayerProfile payer, int adjudication) => PayerClaimNumbers.Of(payer, Practice.Index, Claim.Index, adjudication);
}
