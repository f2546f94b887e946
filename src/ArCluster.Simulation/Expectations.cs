using System.Collections.Immutable;

namespace ArCluster.Simulation;

/// <summary>
/// What a correct posting and reconciliation system must end with after taking in every file of a
/// run, worked out by the simulation itself (never by ArCluster's posting code). Amounts are net of
/// reversals; "claims on file" means claims the simulation billed (the unknown-claim payments meant
/// to stay unapplied are counted apart).
/// </summary>
public sealed record Expectations(
    ImmutableArray<PracticeExpectations> Practices,
    int RemittanceFiles,
    int BankFiles,
    DateOnly FirstDay,
    DateOnly LastDay)
{
    /// <summary>The billing company's roll-up: every practice summed.</summary>
    public PracticeExpectations Total => PracticeExpectations.Sum("*", Practices);

    public PracticeExpectations For(string practiceId) =>
        Practices.FirstOrDefault(p => p.PracticeId == practiceId)
        ?? throw new KeyNotFoundException($"No practice '{practiceId}' in this simulation.");
}

/// <summary>One practice's expected figures. Amounts are dollars (decimal); PLB amounts keep the 835's sign.</summary>
public sealed record PracticeExpectations
{
    public required string PracticeId { get; init; }

    public int Accounts { get; internal set; }

    public int Claims { get; internal set; }

    public int ServiceLines { get; internal set; }

    /// <summary>Σ line charges of every claim.</summary>
    public decimal Charges { get; internal set; }

    public int SelfPayClaims { get; internal set; }

    public decimal SelfPayCharges { get; internal set; }

    /// <summary>Insured claims adjudicated by their primary payer (the denial rate's denominator).</summary>
    public int ClaimsAdjudicated { get; internal set; }

    /// <summary>Claims denied whole on first adjudication (CLP02 4).</summary>
    public int ClaimsDenied { get; internal set; }

    /// <summary>Single lines denied on otherwise paid claims.</summary>
    public int LinesDenied { get; internal set; }

    /// <summary>Lines allowed below the contracted fee schedule on first adjudication (AMT*B6 under the rate).</summary>
    public int UnderpaidLines { get; internal set; }

    /// <summary>How much those lines' allowed amounts fall short of the contract.</summary>
    public decimal Underpaid { get; internal set; }

    public int SplitClaims { get; internal set; }

    /// <summary>Payments reversed (CLP02 22), each followed by its correction in the same transaction.</summary>
    public int Reversals { get; internal set; }

    /// <summary>Claims Medicare processed and forwarded to Medicaid (CLP02 19).</summary>
    public int Crossovers { get; internal set; }

    /// <summary>Medicaid secondary adjudications of crossed-over claims (CLP02 2).</summary>
    public int SecondaryAdjudications { get; internal set; }

    /// <summary>Late payments that carried prompt-payment interest.</summary>
    public int LatePayments { get; internal set; }

    /// <summary>Overpayments recovered by PLB WO.</summary>
    public int Recoupments { get; internal set; }

    /// <summary>Claim payments for claims never billed here (ArCluster keeps them unapplied).</summary>
    public int UnknownClaimPayments { get; internal set; }

    /// <summary>Σ CLP04 on claims on file, primary and secondary, net of reversals.</summary>
    public decimal PayerPayments { get; internal set; }

    /// <summary>The part of <see cref="PayerPayments"/> paid by secondary payers.</summary>
    public decimal SecondaryPayments { get; internal set; }

    /// <summary>Σ CLP04 of the unknown-claim payments.</summary>
    public decimal UnappliedPayments { get; internal set; }

    /// <summary>Σ CAS CO on claims on file (contractual write-offs, denials, sequestration).</summary>
    public decimal ContractualAdjustments { get; internal set; }

    /// <summary>Σ CAS OA-23 on secondary claims: the primary's effect restated, not adjusted again.</summary>
    public decimal PriorPayerAdjustments { get; internal set; }

    /// <summary>Σ CAS PR on claims on file (deductible, coinsurance, copay, non-covered).</summary>
    public decimal PatientResponsibility { get; internal set; }

    /// <summary>
    /// What patients owe once everything is posted: self-pay charges, plus the patient share payers
    /// assigned to the patient (a crossover's share goes to Medicaid, which leaves the patient none).
    /// Patient payments are not simulated.
    /// </summary>
    public decimal PatientBalance { get; internal set; }

    /// <summary>Prompt-payment interest paid (Σ PLB L6, which the 835 writes negative).</summary>
    public decimal Interest { get; internal set; }

    /// <summary>Overpayments recovered (Σ PLB WO, positive in the 835).</summary>
    public decimal Recouped { get; internal set; }

    /// <summary>
    /// Σ PLB FB as written: negative where a transaction would have paid less than nothing (a
    /// correction below the payment it reversed), positive where a later one took it back; what is
    /// left negative the practice still owes the payer at the end.
    /// </summary>
    public decimal ForwardBalance { get; internal set; }

    /// <summary>Σ PLB amounts as written: positive reduced the payments, negative increased them.</summary>
    public decimal ProviderAdjustments { get; internal set; }

    public int RemittanceTransactions { get; internal set; }

    public int EftTransactions { get; internal set; }

    public int CheckTransactions { get; internal set; }

    /// <summary>Transactions that paid nothing (BPR04 NON).</summary>
    public int NoPaymentTransactions { get; internal set; }

    /// <summary>Σ BPR02: Σ CLP04 (claims on file and unknown) − Σ PLB.</summary>
    public decimal RemittanceTotal { get; internal set; }

    public int Deposits { get; internal set; }

    /// <summary>Σ of every credit to the practice's deposit account.</summary>
    public decimal DepositTotal { get; internal set; }

    /// <summary>The part of <see cref="DepositTotal"/> with no 835 (patient checks, miscellaneous credits).</summary>
    public decimal DepositsWithoutRemittance { get; internal set; }

    /// <summary>How reassociation (835 TRN02 / BPR02 against deposit trace or check number / amount) must come out, per trace.</summary>
    public ReassociationCounts Reassociation { get; internal set; } = new();

    public ImmutableArray<PayerExpectations> Payers { get; internal set; } = [];

    internal static PracticeExpectations Sum(string practiceId, IReadOnlyCollection<PracticeExpectations> all) => new()
    {
        PracticeId = practiceId,
        Accounts = all.Sum(p => p.Accounts),
        Claims = all.Sum(p => p.Claims),
        ServiceLines = all.Sum(p => p.ServiceLines),
        Charges = all.Sum(p => p.Charges),
        SelfPayClaims = all.Sum(p => p.SelfPayClaims),
        SelfPayCharges = all.Sum(p => p.SelfPayCharges),
        ClaimsAdjudicated = all.Sum(p => p.ClaimsAdjudicated),
        ClaimsDenied = all.Sum(p => p.ClaimsDenied),
        LinesDenied = all.Sum(p => p.LinesDenied),
        UnderpaidLines = all.Sum(p => p.UnderpaidLines),
        Underpaid = all.Sum(p => p.Underpaid),
        SplitClaims = all.Sum(p => p.SplitClaims),
        Reversals = all.Sum(p => p.Reversals),
        Crossovers = all.Sum(p => p.Crossovers),
        SecondaryAdjudications = all.Sum(p => p.SecondaryAdjudications),
        LatePayments = all.Sum(p => p.LatePayments),
        Recoupments = all.Sum(p => p.Recoupments),
        UnknownClaimPayments = all.Sum(p => p.UnknownClaimPayments),
        PayerPayments = all.Sum(p => p.PayerPayments),
        SecondaryPayments = all.Sum(p => p.SecondaryPayments),
        UnappliedPayments = all.Sum(p => p.UnappliedPayments),
        ContractualAdjustments = all.Sum(p => p.ContractualAdjustments),
        PriorPayerAdjustments = all.Sum(p => p.PriorPayerAdjustments),
        PatientResponsibility = all.Sum(p => p.PatientResponsibility),
        PatientBalance = all.Sum(p => p.PatientBalance),
        Interest = all.Sum(p => p.Interest),
        Recouped = all.Sum(p => p.Recouped),
        ForwardBalance = all.Sum(p => p.ForwardBalance),
        ProviderAdjustments = all.Sum(p => p.ProviderAdjustments),
        RemittanceTransactions = all.Sum(p => p.RemittanceTransactions),
        EftTransactions = all.Sum(p => p.EftTransactions),
        CheckTransactions = all.Sum(p => p.CheckTransactions),
        NoPaymentTransactions = all.Sum(p => p.NoPaymentTransactions),
        RemittanceTotal = all.Sum(p => p.RemittanceTotal),
        Deposits = all.Sum(p => p.Deposits),
        DepositTotal = all.Sum(p => p.DepositTotal),
        DepositsWithoutRemittance = all.Sum(p => p.DepositsWithoutRemittance),
        Reassociation = new ReassociationCounts
        {
            Matched = all.Sum(p => p.Reassociation.Matched),
            AmountMismatch = all.Sum(p => p.Reassociation.AmountMismatch),
            RemittanceWithoutDeposit = all.Sum(p => p.Reassociation.RemittanceWithoutDeposit),
            DepositWithoutRemittance = all.Sum(p => p.Reassociation.DepositWithoutRemittance),
        },
        Payers = [.. all.SelectMany(p => p.Payers).GroupBy(p => p.PayerId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => PayerExpectations.Sum(g.Key, [.. g]))],
    };
}

/// <summary>Reassociation outcomes, one per trace or check number, as ArCluster's reassociation classifies them.</summary>
public sealed record ReassociationCounts
{
    /// <summary>The deposit equals BPR02, or the 835 paid nothing (NON) and none was due.</summary>
    public int Matched { get; internal set; }

    public int AmountMismatch { get; internal set; }

    public int RemittanceWithoutDeposit { get; internal set; }

    public int DepositWithoutRemittance { get; internal set; }
}

/// <summary>One payer's part of a practice's figures.</summary>
public sealed record PayerExpectations
{
    public required string PayerId { get; init; }

    /// <summary>Claims this payer adjudicated first (as primary).</summary>
    public int ClaimsAdjudicated { get; internal set; }

    public int ClaimsDenied { get; internal set; }

    /// <summary>Σ CLP04 on claims on file, net of reversals.</summary>
    public decimal Payments { get; internal set; }

    public int RemittanceTransactions { get; internal set; }

    /// <summary>Σ BPR02.</summary>
    public decimal RemittanceTotal { get; internal set; }

    internal static PayerExpectations Sum(string payerId, IReadOnlyCollection<PayerExpectations> all) => new()
    {
        PayerId = payerId,
        ClaimsAdjudicated = all.Sum(p => p.ClaimsAdjudicated),
        ClaimsDenied = all.Sum(p => p.ClaimsDenied),
        Payments = all.Sum(p => p.Payments),
        RemittanceTransactions = all.Sum(p => p.RemittanceTransactions),
        RemittanceTotal = all.Sum(p => p.RemittanceTotal),
    };
}
