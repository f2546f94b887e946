using System.Collections.Immutable;

namespace ArCluster.X12.Remittance;

// The 835 (005010X221A1) as an immutable model. Amounts are decimal exactly as written in the file
// (scale kept: 12.50 stays 12.50). Lists are ImmutableArray; records that hold lists compare them
// element by element, so two advices parsed from the same content are equal.

/// <summary>One 835 transaction set: the payment (BPR/TRN), payer, payee, claims and provider-level adjustments.</summary>
public sealed record RemittanceAdvice
{
    /// <summary>ST02.</summary>
    public required string TransactionControlNumber { get; init; }

    /// <summary>Segment number of the ST in the file (ISA = 1).</summary>
    public required long SegmentNumber { get; init; }

    /// <summary>BPR01 transaction handling code: C payment + remittance, D make payment only, H notification only, I remittance only, P prenotification, U/X split.</summary>
    public required string HandlingCode { get; init; }

    /// <summary>BPR02 total actual provider payment (never negative; see <see cref="CreditDebitFlag"/>).</summary>
    public required decimal TotalActualPayment { get; init; }

    /// <summary>BPR03: C credit (payer pays the provider), D debit (the provider owes: <see cref="NetPayment"/> is negative).</summary>
    public required string CreditDebitFlag { get; init; }

    /// <summary>BPR04 payment method: ACH, CHK, NON (no payment), BOP (financial institution option), FWT (wire).</summary>
    public required string PaymentMethod { get; init; }

    /// <summary>BPR16 check issue or EFT effective date.</summary>
    public required DateOnly PaymentDate { get; init; }

    /// <summary>TRN02 check or EFT trace number (reassociation key with the deposit).</summary>
    public required string TraceNumber { get; init; }

    /// <summary>TRN03 payer identifier (originating company id, usually '1' + TIN).</summary>
    public required string OriginatingCompanyId { get; init; }

    /// <summary>DTM*405 production date, when sent.</summary>
    public DateOnly? ProductionDate { get; init; }

    /// <summary>Loop 1000A.</summary>
    public required RemittancePayer Payer { get; init; }

    /// <summary>Loop 1000B.</summary>
    public required RemittancePayee Payee { get; init; }

    /// <summary>Loops 2100, in file order.</summary>
    public ImmutableArray<ClaimPayment> Claims { get; init; } = [];

    /// <summary>PLB segments, in file order.</summary>
    public ImmutableArray<ProviderAdjustment> ProviderAdjustments { get; init; } = [];

    /// <summary>BPR02 signed by BPR03: negative for a debit.</summary>
    public decimal NetPayment => CreditDebitFlag == "D" ? -TotalActualPayment : TotalActualPayment;

    public bool Equals(RemittanceAdvice? other) =>
        other is not null
        && TransactionControlNumber == other.TransactionControlNumber
        && SegmentNumber == other.SegmentNumber
        && HandlingCode == other.HandlingCode
        && TotalActualPayment == other.TotalActualPayment
        && CreditDebitFlag == other.CreditDebitFlag
        && PaymentMethod == other.PaymentMethod
        && PaymentDate == other.PaymentDate
        && TraceNumber == other.TraceNumber
        && OriginatingCompanyId == other.OriginatingCompanyId
        && ProductionDate == other.ProductionDate
        && Payer == other.Payer
        && Payee == other.Payee
        && Sequences.Equal(Claims, other.Claims)
        && Sequences.Equal(ProviderAdjustments, other.ProviderAdjustments);

    public override int GetHashCode() => HashCode.Combine(TransactionControlNumber, TotalActualPayment, TraceNumber, Claims.IsDefault ? 0 : Claims.Length);
}

/// <summary>N1*PR: payer name, N103/N104 identification, REF*2U additional payer id.</summary>
public sealed record RemittancePayer(string Name, string? IdQualifier, string? Id, string? PayerId);

/// <summary>N1*PE: payee name, N103 qualifier (XX = NPI, FI = federal tax id, XV = CMS plan id) and N104 id; REF*TJ tax id.</summary>
public sealed record RemittancePayee(string Name, string IdQualifier, string Id, string? TaxId)
{
    /// <summary>N104 when N103 is XX.</summary>
    public string? Npi => IdQualifier == "XX" ? Id : null;

    /// <summary>REF*TJ, or N104 when N103 is FI.</summary>
    public string? FederalTaxId => TaxId ?? (IdQualifier == "FI" ? Id : null);
}

/// <summary>Loop 2100: one claim's adjudication.</summary>
public sealed record ClaimPayment
{
    /// <summary>CLP01, the 837's CLM01.</summary>
    public required string PatientControlNumber { get; init; }

    /// <summary>CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 19/20/21 processed and forwarded, 22 reversal, 23 not our claim, 25 predetermination.</summary>
    public required string StatusCode { get; init; }

    /// <summary>CLP03 total claim charge.</summary>
    public required decimal ChargeAmount { get; init; }

    /// <summary>CLP04 claim payment (negative for a reversal).</summary>
    public required decimal PaymentAmount { get; init; }

    /// <summary>CLP05 patient responsibility, when sent.</summary>
    public decimal? PatientResponsibilityAmount { get; init; }

    /// <summary>CLP06 claim filing indicator (12 PPO, MA/MB Medicare, MC Medicaid, CI commercial, ...).</summary>
    public required string FilingIndicator { get; init; }

    /// <summary>CLP07 payer claim control number (ICN/DCN), the key for a later reversal or appeal.</summary>
    public required string PayerClaimControlNumber { get; init; }

    /// <summary>CLP08 facility type code, when sent.</summary>
    public string? FacilityTypeCode { get; init; }

    /// <summary>CLP09 claim frequency code, when sent.</summary>
    public string? FrequencyCode { get; init; }

    /// <summary>Claim-level CAS (those before the first SVC), one entry per reason/amount/quantity triplet.</summary>
    public ImmutableArray<ClaimAdjustment> Adjustments { get; init; } = [];

    /// <summary>NM1*TT: the payer the claim was crossed over to.</summary>
    public CrossoverPayer? CrossoverPayer { get; init; }

    /// <summary>Remark codes (RARC) from MOA03–07 and MIA05, MIA20–23, in that order.</summary>
    public ImmutableArray<string> RemarkCodes { get; init; } = [];

    /// <summary>DTM*232 claim statement period start.</summary>
    public DateOnly? StatementFrom { get; init; }

    /// <summary>DTM*233 claim statement period end.</summary>
    public DateOnly? StatementTo { get; init; }

    /// <summary>Segment number of the CLP in the file.</summary>
    public required long SegmentNumber { get; init; }

    /// <summary>Loops 2110, in file order.</summary>
    public ImmutableArray<ServicePayment> Services { get; init; } = [];

    /// <summary>CLP02 = 22.</summary>
    public bool IsReversal => StatusCode == "22";

    public bool Equals(ClaimPayment? other) =>
        other is not null
        && PatientControlNumber == other.PatientControlNumber
        && StatusCode == other.StatusCode
        && ChargeAmount == other.ChargeAmount
        && PaymentAmount == other.PaymentAmount
        && PatientResponsibilityAmount == other.PatientResponsibilityAmount
        && FilingIndicator == other.FilingIndicator
        && PayerClaimControlNumber == other.PayerClaimControlNumber
        && FacilityTypeCode == other.FacilityTypeCode
        && FrequencyCode == other.FrequencyCode
        && Sequences.Equal(Adjustments, other.Adjustments)
        && CrossoverPayer == other.CrossoverPayer
        && Sequences.Equal(RemarkCodes, other.RemarkCodes)
        && StatementFrom == other.StatementFrom
        && StatementTo == other.StatementTo
        && SegmentNumber == other.SegmentNumber
        && Sequences.Equal(Services, other.Services);

    public override int GetHashCode() => HashCode.Combine(PatientControlNumber, StatusCode, ChargeAmount, PaymentAmount, PayerClaimControlNumber, SegmentNumber);
}

/// <summary>Loop 2110: one service line's adjudication.</summary>
public sealed record ServicePayment
{
    /// <summary>SVC01 adjudicated procedure (qualifier, code, modifiers).</summary>
    public required ProcedureCode Procedure { get; init; }

    /// <summary>SVC02 line charge.</summary>
    public required decimal ChargeAmount { get; init; }

    /// <summary>SVC03 line payment.</summary>
    public required decimal PaymentAmount { get; init; }

    /// <summary>SVC04 NUBC revenue code, when sent.</summary>
    public string? RevenueCode { get; init; }

    /// <summary>SVC05 units of service paid; 1 when not sent.</summary>
    public decimal Units { get; init; } = 1m;

    /// <summary>SVC06: the procedure as submitted, when the payer changed it.</summary>
    public ProcedureCode? OriginalProcedure { get; init; }

    /// <summary>SVC07 original units, when sent.</summary>
    public decimal? OriginalUnits { get; init; }

    /// <summary>DTM*472 service date.</summary>
    public DateOnly? ServiceDate { get; init; }

    /// <summary>DTM*150 service period start.</summary>
    public DateOnly? ServicePeriodStart { get; init; }

    /// <summary>DTM*151 service period end.</summary>
    public DateOnly? ServicePeriodEnd { get; init; }

    /// <summary>Line-level CAS, one entry per reason/amount/quantity triplet.</summary>
    public ImmutableArray<ClaimAdjustment> Adjustments { get; init; } = [];

    /// <summary>REF*6R line item control number from the 837 (the best key to match the line).</summary>
    public string? LineItemControlNumber { get; init; }

    /// <summary>AMT*B6 allowed amount.</summary>
    public decimal? AllowedAmount { get; init; }

    /// <summary>LQ*HE remark codes (RARC).</summary>
    public ImmutableArray<string> RemarkCodes { get; init; } = [];

    /// <summary>Segment number of the SVC in the file.</summary>
    public required long SegmentNumber { get; init; }

    /// <summary>The first date of service: DTM*472, else DTM*150.</summary>
    public DateOnly? DateOfService => ServiceDate ?? ServicePeriodStart;

    public bool Equals(ServicePayment? other) =>
        other is not null
        && Procedure == other.Procedure
        && ChargeAmount == other.ChargeAmount
        && PaymentAmount == other.PaymentAmount
        && RevenueCode == other.RevenueCode
        && Units == other.Units
        && OriginalProcedure == other.OriginalProcedure
        && OriginalUnits == other.OriginalUnits
        && ServiceDate == other.ServiceDate
        && ServicePeriodStart == other.ServicePeriodStart
        && ServicePeriodEnd == other.ServicePeriodEnd
        && Sequences.Equal(Adjustments, other.Adjustments)
        && LineItemControlNumber == other.LineItemControlNumber
        && AllowedAmount == other.AllowedAmount
        && Sequences.Equal(RemarkCodes, other.RemarkCodes)
        && SegmentNumber == other.SegmentNumber;

    public override int GetHashCode() => HashCode.Combine(Procedure, ChargeAmount, PaymentAmount, LineItemControlNumber, SegmentNumber);
}

/// <summary>A composite procedure identifier (SVC01 / SVC06): qualifier (HC, N4, ...), code, up to 4 modifiers, description.</summary>
public sealed record ProcedureCode(string Qualifier, string Code, ImmutableArray<string> Modifiers, string? Description = null)
{
    public bool Equals(ProcedureCode? other) =>
        other is not null && Qualifier == other.Qualifier && Code == other.Code && Sequences.Equal(Modifiers, other.Modifiers) && Description == other.Description;

    public override int GetHashCode() => HashCode.Combine(Qualifier, Code, Modifiers.IsDefaultOrEmpty ? 0 : Modifiers.Length);

    /// <summary>Qualifier, code and modifiers joined by ':' (e.g. HC:99213:25), for display.</summary>
    public override string ToString() =>
        Modifiers.IsDefaultOrEmpty ? $"{Qualifier}:{Code}" : $"{Qualifier}:{Code}:{string.Join(':', Modifiers)}";
}

/// <summary>One CAS reason/amount/quantity triplet with its group code (CO, PR, OA, PI). A value: there are millions in a large file.</summary>
public readonly record struct ClaimAdjustment(string Group, string Reason, decimal Amount, decimal? Quantity, long SegmentNumber);

/// <summary>NM1*TT crossover carrier: name (NM103), id qualifier (NM108) and id (NM109).</summary>
public sealed record CrossoverPayer(string Name, string? IdQualifier, string? Id);

/// <summary>One PLB segment: provider id (PLB01), fiscal period date (PLB02) and up to 6 adjustments.</summary>
public sealed record ProviderAdjustment(string ProviderId, DateOnly FiscalPeriodDate, ImmutableArray<ProviderAdjustmentItem> Items, long SegmentNumber)
{
    public bool Equals(ProviderAdjustment? other) =>
        other is not null && ProviderId == other.ProviderId && FiscalPeriodDate == other.FiscalPeriodDate && Sequences.Equal(Items, other.Items) && SegmentNumber == other.SegmentNumber;

    public override int GetHashCode() => HashCode.Combine(ProviderId, FiscalPeriodDate, SegmentNumber);
}

/// <summary>
/// One PLB adjustment: reason (PLB03-1: WO overpayment recovery, L6 interest, FB forwarding balance,
/// 72 authorized return, CS adjustment, J1 non-reimbursable, 50/51 ...), reference (PLB03-2) and
/// amount (PLB04). A positive amount reduces the payment; a negative one increases it.
/// </summary>
public readonly record struct ProviderAdjustmentItem(string ReasonCode, string? Reference, decimal Amount);

internal static class Sequences
{
    public static bool Equal<T>(ImmutableArray<T> left, ImmutableArray<T> right)
    {
        if (left.IsDefaultOrEmpty || right.IsDefaultOrEmpty)
        {
            return left.IsDefaultOrEmpty && right.IsDefaultOrEmpty;
        }

        return left.AsSpan().SequenceEqual(right.AsSpan(), EqualityComparer<T>.Default);
    }
}
