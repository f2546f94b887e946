using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ArCluster.X12.Internal;

namespace ArCluster.X12.Remittance;

/// <summary>The outcome of parsing one 835 transaction set: the advice, or every problem found (never both).</summary>
public sealed record RemittanceParseResult(RemittanceAdvice? Advice, ImmutableArray<X12Error> Errors)
{
    public bool Succeeded => Advice is not null;
}

/// <summary>Parses one 835 (005010X221A1) transaction set into a <see cref="RemittanceAdvice"/>; no balancing (see <see cref="RemittanceValidator"/>).</summary>
public static class RemittanceParser
{
    /// <summary>ST01 of a remittance advice.</summary>
    public const string TransactionSetId = "835";

    /// <summary>The implementation guide supported (GS08 / ST03).</summary>
    public const string Version = "005010X221A1";

    /// <summary>
    /// Parses the segments ST..SE of <paramref name="transaction"/>. Every missing or malformed
    /// element, unknown or misplaced segment is reported with its segment number, id and element;
    /// when there is any, <see cref="RemittanceParseResult.Advice"/> is null. Does not look at the
    /// envelope errors or the transaction set id: see <see cref="RemittanceFile.Evaluate"/>.
    /// </summary>
    public static RemittanceParseResult Parse(X12TransactionSet transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return RemittanceReader.ForThisThread.Parse(transaction);
    }
}

/// <summary>The 835 loop state machine. Reusable (its builders and string cache are kept), not thread-safe.</summary>
internal sealed class RemittanceReader
{
    private const int BPR = 'B' | ('P' << 8) | ('R' << 16);
    private const int TRN = 'T' | ('R' << 8) | ('N' << 16);
    private const int CUR = 'C' | ('U' << 8) | ('R' << 16);
    private const int REF = 'R' | ('E' << 8) | ('F' << 16);
    private const int DTM = 'D' | ('T' << 8) | ('M' << 16);
    private const int N1 = 'N' | ('1' << 8);
    private const int N2 = 'N' | ('2' << 8);
    private const int N3 = 'N' | ('3' << 8);
    private const int N4 = 'N' | ('4' << 8);
    private const int PER = 'P' | ('E' << 8) | ('R' << 16);
    private const int RDM = 'R' | ('D' << 8) | ('M' << 16);
    private const int LX = 'L' | ('X' << 8);
    private const int TS3 = 'T' | ('S' << 8) | ('3' << 16);
    private const int TS2 = 'T' | ('S' << 8) | ('2' << 16);
    private const int CLP = 'C' | ('L' << 8) | ('P' << 16);
    private const int CAS = 'C' | ('A' << 8) | ('S' << 16);
    private const int NM1 = 'N' | ('M' << 8) | ('1' << 16);
    private const int MIA = 'M' | ('I' << 8) | ('A' << 16);
    private const int MOA = 'M' | ('O' << 8) | ('A' << 16);
    private const int AMT = 'A' | ('M' << 8) | ('T' << 16);
    private const int QTY = 'Q' | ('T' << 8) | ('Y' << 16);
    private const int SVC = 'S' | ('V' << 8) | ('C' << 16);
    private const int LQ = 'L' | ('Q' << 8);
    private const int PLB = 'P' | ('L' << 8) | ('B' << 16);

    private static readonly CodeSet HandlingCodes = new("C", "D", "H", "I", "P", "U", "X");
    private static readonly CodeSet CreditDebit = new("C", "D");
    private static readonly CodeSet PaymentMethods = new("ACH", "BOP", "CHK", "FWT", "NON");
    private static readonly CodeSet PayeeQualifiers = new("FI", "XV", "XX");
    private static readonly CodeSet ClaimStatuses = new("1", "2", "3", "4", "19", "20", "21", "22", "23", "25");
    private static readonly CodeSet AdjustmentGroups = new("CO", "OA", "PI", "PR");
    private static readonly CodeSet ProcedureQualifiers = new("AD", "ER", "HC", "HP", "IV", "N4", "N6", "NU", "WK");

    private const int ProcedureCacheSize = 1024;

    [ThreadStatic]
    private static RemittanceReader? t_reader;

    private readonly ElementReader _r = new();
    private readonly byte[]?[] _procedureKeys = new byte[]?[ProcedureCacheSize];
    private readonly byte[] _procedureSeparators = new byte[ProcedureCacheSize];
    private readonly ProcedureCode?[] _procedures = new ProcedureCode?[ProcedureCacheSize];
    private readonly ImmutableArray<ClaimPayment>.Builder _claims = ImmutableArray.CreateBuilder<ClaimPayment>();
    private readonly ImmutableArray<ProviderAdjustment>.Builder _plbs = ImmutableArray.CreateBuilder<ProviderAdjustment>();
    private readonly ImmutableArray<ProviderAdjustmentItem>.Builder _plbItems = ImmutableArray.CreateBuilder<ProviderAdjustmentItem>();
    private readonly ImmutableArray<ClaimAdjustment>.Builder _claimCas = ImmutableArray.CreateBuilder<ClaimAdjustment>();
    private readonly ImmutableArray<string>.Builder _claimRemarks = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<ServicePayment>.Builder _services = ImmutableArray.CreateBuilder<ServicePayment>();
    private readonly ImmutableArray<ClaimAdjustment>.Builder _serviceCas = ImmutableArray.CreateBuilder<ClaimAdjustment>();
    private readonly ImmutableArray<string>.Builder _serviceRemarks = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _modifiers = ImmutableArray.CreateBuilder<string>();

    private Loop _loop;
    private long _loopStart;

    // Header
    private bool _haveBpr;
    private string _handling = "";
    private decimal _totalPayment;
    private string _creditDebit = "";
    private string _method = "";
    private DateOnly _paymentDate;
    private bool _haveTrn;
    private string _trace = "";
    private string _originator = "";
    private DateOnly? _productionDate;
    private RemittancePayer? _payer;
    private string? _payerRef2U;
    private bool _havePayee;
    private string _payeeName = "";
    private string _payeeQualifier = "";
    private string _payeeId = "";
    private string? _payeeTaxId;

    // Current claim (loop 2100)
    private bool _inClaim;
    private long _clpNumber;
    private string _pcn = "";
    private string _status = "";
    private decimal _claimCharge;
    private decimal _claimPaid;
    private decimal? _patientResponsibility;
    private string _filing = "";
    private string _icn = "";
    private string? _facility;
    private string? _frequency;
    private CrossoverPayer? _crossover;
    private DateOnly? _statementFrom;
    private DateOnly? _statementTo;

    // Current service (loop 2110)
    private bool _inService;
    private long _svcNumber;
    private ProcedureCode? _procedure;
    private decimal _serviceCharge;
    private decimal _servicePaid;
    private string? _revenueCode;
    private decimal _units;
    private ProcedureCode? _originalProcedure;
    private decimal? _originalUnits;
    private DateOnly? _serviceDate;
    private DateOnly? _periodStart;
    private DateOnly? _periodEnd;
    private string? _lineControl;
    private decimal? _allowed;

    private enum Loop
    {
        Start,
        Header,
        Payer,
        Payee,
        HeaderNumber,
        Claim,
        Service,
        ProviderAdjustments,
    }

    /// <summary>A reader (with its caches) for one-off calls on this thread; Parse never calls out, so it cannot be re-entered.</summary>
    public static RemittanceReader ForThisThread => t_reader ??= new RemittanceReader();

    public RemittanceParseResult Parse(X12TransactionSet transaction)
    {
        Reset();
        var segments = transaction.Segments;
        if (!transaction.IsComplete || segments.Count < 2)
        {
            return new RemittanceParseResult(null, [new X12Error(X12ErrorKind.Envelope, "the transaction set is incomplete (no SE trailer), so it cannot be parsed")
            {
                SegmentNumber = transaction.Envelope.SegmentNumber,
                SegmentId = "ST",
            }]);
        }

        var st = segments[0];
        for (var i = 1; i < segments.Count - 1; i++)
        {
            Segment(segments[i]);
        }

        CloseClaim();
        if (!_haveBpr)
        {
            _r.Error(st, "BPR (financial information) is required as the first segment after ST");
        }

        if (!_haveTrn)
        {
            _r.Error(st, "TRN (reassociation trace number) is required in the header, after BPR");
        }

        if (_payer is null)
        {
            _r.Error(st, "the payer identification loop 1000A (N1*PR) is required");
        }

        if (!_havePayee)
        {
            _r.Error(st, "the payee identification loop 1000B (N1*PE) is required");
        }

        if (_r.ErrorCount > 0)
        {
            var errors = new List<X12Error>();
            _r.AppendErrorsTo(errors);
            _claims.Clear();
            _plbs.Clear();
            return new RemittanceParseResult(null, [.. errors]);
        }

        var advice = new RemittanceAdvice
        {
            TransactionControlNumber = st[2],
            SegmentNumber = st.Number,
            HandlingCode = _handling,
            TotalActualPayment = _totalPayment,
            CreditDebitFlag = _creditDebit,
            PaymentMethod = _method,
            PaymentDate = _paymentDate,
            TraceNumber = _trace,
            OriginatingCompanyId = _originator,
            ProductionDate = _productionDate,
            Payer = _payer! with { PayerId = _payerRef2U },
            Payee = new RemittancePayee(_payeeName, _payeeQualifier, _payeeId, _payeeTaxId),
            Claims = Take(_claims),
            ProviderAdjustments = Take(_plbs),
        };
        return new RemittanceParseResult(advice, []);
    }

    private void Reset()
    {
        _r.Reset();
        _claims.Clear();
        _plbs.Clear();
        _plbItems.Clear();
        _claimCas.Clear();
        _claimRemarks.Clear();
        _services.Clear();
        _serviceCas.Clear();
        _serviceRemarks.Clear();
        _modifiers.Clear();
        _loop = Loop.Start;
        _loopStart = 0;
        _haveBpr = false;
        _haveTrn = false;
        _productionDate = null;
        _payer = null;
        _payerRef2U = null;
        _havePayee = false;
        _payeeTaxId = null;
        _inClaim = false;
        _inService = false;
    }

    private void Segment(in X12Segment s)
    {
        if (_loop == Loop.Start && s.IdKey != BPR)
        {
            // Without BPR nothing after it can be placed; say so once and read on as if it were there.
            Cold(s, ColdProblem.NoBpr);
            _loop = Loop.Header;
        }

        switch (s.IdKey)
        {
            case BPR:
                if (_loop != Loop.Start)
                {
                    OutOfPlace(s, "BPR must be the first segment after ST, and only once");
                    return;
                }

                ReadBpr(s);
                return;
            case TRN:
                if (!InHeader(s, "TRN belongs to the header, after BPR and before N1*PR"))
                {
                    return;
                }

                if (_haveTrn)
                {
                    _r.Error(s, "TRN is repeated; an 835 has exactly one trace number");
                    return;
                }

                _haveTrn = true;
                _r.RequiredCode(s, 1, "trace type code");
                _trace = _r.Required(s, 2, "check or EFT trace number");
                _originator = _r.Required(s, 3, "payer identifier (originating company id)");
                return;
            case CUR:
                InHeader(s, "CUR belongs to the header, after TRN");
                return;
            case N1:
                ReadN1(s);
                return;
            case N2 or N3 or N4:
                if (_loop is not (Loop.Payer or Loop.Payee))
                {
                    OutOfPlaceNamed(s, "belongs to the payer (N1*PR) or payee (N1*PE) loop");
                }

                return;
            case PER:
                if (_loop is not (Loop.Payer or Loop.Claim))
                {
                    OutOfPlace(s, "PER belongs to the payer loop (N1*PR) or to a claim (after CLP)");
                }

                return;
            case RDM:
                if (_loop != Loop.Payee)
                {
                    OutOfPlace(s, "RDM belongs to the payee loop (after N1*PE)");
                }

                return;
            case REF:
                ReadRef(s);
                return;
            case DTM:
                ReadDtm(s);
                return;
            case LX:
                if (_loop is not (Loop.Payee or Loop.HeaderNumber or Loop.Claim or Loop.Service))
                {
                    // Reported, then read as an LX so that what follows is not reported again.
                    OutOfPlace(s, "LX (header number, loop 2000) must follow the payee loop (N1*PE) or a claim, and come before any PLB");
                }

                CloseClaim();
                Enter(Loop.HeaderNumber, s);
                return;
            case TS3 or TS2:
                if (_loop != Loop.HeaderNumber)
                {
                    OutOfPlaceNamed(s, "belongs right after LX (loop 2000), before the first CLP");
                }

                return;
            case CLP:
                if (_loop is not (Loop.Payee or Loop.HeaderNumber or Loop.Claim or Loop.Service))
                {
                    OutOfPlace(s, "CLP (claim payment, loop 2100) must follow the payee loop (N1*PE), an LX or another claim, and come before any PLB");
                }

                CloseClaim();
                ReadClp(s);
                return;
            case CAS:
                if (_loop == Loop.Claim)
                {
                    ReadCas(s, _claimCas);
                }
                else if (_loop == Loop.Service)
                {
                    ReadCas(s, _serviceCas);
                }
                else
                {
                    OutOfPlace(s, "CAS must follow a CLP (claim adjustment) or an SVC (service line adjustment)");
                }

                return;
            case NM1:
                if (!InClaimHeader(s))
                {
                    return;
                }

                ReadNm1(s);
                return;
            case MIA:
                if (InClaimHeader(s))
                {
                    ReadRemarks(s, [5, 20, 21, 22, 23]);
                }

                return;
            case MOA:
                if (InClaimHeader(s))
                {
                    ReadRemarks(s, [3, 4, 5, 6, 7]);
                }

                return;
            case AMT:
                ReadAmt(s);
                return;
            case QTY:
                if (_loop is not (Loop.Claim or Loop.Service))
                {
                    OutOfPlace(s, "QTY belongs to a claim (after CLP) or a service line (after SVC)");
                }

                return;
            case SVC:
                if (_loop is not (Loop.Claim or Loop.Service))
                {
                    OutOfPlace(s, "SVC (service payment, loop 2110) must follow a CLP");
                    return;
                }

                CloseService();
                ReadSvc(s);
                return;
            case LQ:
                if (_loop != Loop.Service)
                {
                    OutOfPlace(s, "LQ belongs to a service line (after SVC)");
                    return;
                }

                if (s.GetElement(1).SequenceEqual("HE"u8))
                {
                    _serviceRemarks.Add(_r.RequiredCode(s, 2, "remark code"));
                }

                return;
            case PLB:
                if (_loop is not (Loop.Payee or Loop.HeaderNumber or Loop.Claim or Loop.Service or Loop.ProviderAdjustments))
                {
                    OutOfPlace(s, "PLB (provider adjustment) must follow the payee loop (N1*PE) and the claims, at the end of the transaction set");
                }

                CloseClaim();
                Enter(Loop.ProviderAdjustments, s);
                ReadPlb(s);
                return;
            default:
                Cold(s, ColdProblem.Unknown);
                return;
        }
    }

    private void Enter(Loop loop, in X12Segment s)
    {
        _loop = loop;
        _loopStart = s.Number;
    }

    private bool InHeader(in X12Segment s, string rule)
    {
        if (_loop == Loop.Header)
        {
            return true;
        }

        OutOfPlace(s, rule);
        return false;
    }

    private bool InClaimHeader(in X12Segment s)
    {
        if (_loop == Loop.Claim)
        {
            return true;
        }

        OutOfPlaceNamed(s, "belongs to a claim, between CLP and its first SVC");
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OutOfPlace(in X12Segment s, string rule) =>
        _r.Error(s, $"{s.Id} is out of place in {Where()}: {rule}");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OutOfPlaceNamed(in X12Segment s, string rule) => OutOfPlace(s, $"{s.Id} {rule}");

    private enum ColdProblem
    {
        NoBpr,
        Unknown,
        CasTooLong,
        CrossoverRepeated,
    }

    // Error messages live out of line so that the hot per-segment methods keep small frames.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Cold(in X12Segment s, ColdProblem problem)
    {
        switch (problem)
        {
            case ColdProblem.NoBpr:
                _r.Error(s, $"the 835 must begin with BPR right after ST; found {s.Id}");
                break;
            case ColdProblem.Unknown:
                _r.Error(s, $"{s.Id} is not a segment of the 835 ({RemittanceParser.Version})");
                break;
            case ColdProblem.CasTooLong:
                _r.Error(s, $"CAS has {s.ElementCount} elements; it carries at most 6 reason/amount/quantity triplets (CAS02..CAS19)", 20);
                break;
            case ColdProblem.CrossoverRepeated:
                _r.Error(s, $"NM1*TT (crossover carrier) is repeated in {Where()}; it may appear once");
                break;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Repeated(in X12Segment s, string what) => _r.Error(s, $"{what} is repeated in {Where()}; it may appear once");

    private string Where() => _loop switch
    {
        Loop.Header => "the header",
        Loop.Payer => $"the payer loop 1000A (N1*PR at segment {_loopStart})",
        Loop.Payee => $"the payee loop 1000B (N1*PE at segment {_loopStart})",
        Loop.HeaderNumber => $"the header number loop 2000 (LX at segment {_loopStart})",
        Loop.Claim => $"claim loop 2100 (CLP at segment {_clpNumber})",
        Loop.Service => $"service line loop 2110 (SVC at segment {_svcNumber})",
        Loop.ProviderAdjustments => $"the provider adjustments that end the transaction set (PLB at segment {_loopStart})",
        _ => "the start of the transaction set",
    };

    private void ReadBpr(in X12Segment s)
    {
        _haveBpr = true;
        Enter(Loop.Header, s);
        _handling = _r.RequiredCode(s, 1, "transaction handling code", HandlingCodes);
        _totalPayment = _r.RequiredAmount(s, 2, "total actual provider payment");
        if (_totalPayment < 0)
        {
            _r.Error(s, $"BPR02 (total actual provider payment) {_totalPayment} must not be negative; money the provider owes is a positive BPR02 with BPR03 = D", 2);
        }

        _creditDebit = _r.RequiredCode(s, 3, "credit/debit flag", CreditDebit);
        _method = _r.RequiredCode(s, 4, "payment method code", PaymentMethods);
        _paymentDate = _r.RequiredDate(s, 16, "check issue or EFT effective date");
    }

    private void ReadN1(in X12Segment s)
    {
        var entity = s.GetElement(1);
        if (entity.SequenceEqual("PR"u8))
        {
            if (_loop != Loop.Header)
            {
                OutOfPlace(s, _payer is null ? "N1*PR (payer, loop 1000A) must follow the header (BPR, TRN, REF, DTM)" : "N1*PR is repeated; an 835 has one payer loop");
                return;
            }

            Enter(Loop.Payer, s);
            _payer = new RemittancePayer(_r.Required(s, 2, "payer name"), _r.OptionalCode(s, 3), ElementReader.Optional(s, 4), null);
        }
        else if (entity.SequenceEqual("PE"u8))
        {
            if (_loop != Loop.Payer)
            {
                OutOfPlace(s, _havePayee ? "N1*PE is repeated; an 835 has one payee loop" : "N1*PE (payee, loop 1000B) must follow the payer loop (N1*PR)");
                return;
            }

            Enter(Loop.Payee, s);
            _havePayee = true;
            _payeeName = _r.Required(s, 2, "payee name");
            _payeeQualifier = _r.RequiredCode(s, 3, "payee identification code qualifier", PayeeQualifiers);
            _payeeId = _r.Required(s, 4, "payee identification code");
        }
        else
        {
            _r.Error(s, $"N1*{X12Segment.Decode(entity)} is not used in the 835: the payer is N1*PR (loop 1000A) and the payee N1*PE (loop 1000B)", 1);
        }
    }

    private void ReadRef(in X12Segment s)
    {
        var qualifier = s.GetElement(1);
        switch (_loop)
        {
            case Loop.Header:
                return;
            case Loop.Payer:
                if (qualifier.SequenceEqual("2U"u8))
                {
                    _payerRef2U = Single(s, _payerRef2U, "REF*2U (payer identification)", _r.Required(s, 2, "payer additional identifier"));
                }

                return;
            case Loop.Payee:
                if (qualifier.SequenceEqual("TJ"u8))
                {
                    _payeeTaxId = Single(s, _payeeTaxId, "REF*TJ (payee federal tax id)", _r.Required(s, 2, "federal taxpayer's identification number"));
                }

                return;
            case Loop.Claim:
                return;
            case Loop.Service:
                if (qualifier.SequenceEqual("6R"u8))
                {
                    _lineControl = Single(s, _lineControl, "REF*6R (line item control number)", _r.Required(s, 2, "line item control number"));
                }

                return;
            default:
                OutOfPlace(s, "REF belongs to the header, the payer or payee loop, a claim or a service line");
                return;
        }
    }

    private void ReadDtm(in X12Segment s)
    {
        var qualifier = s.GetElement(1);
        switch (_loop)
        {
            case Loop.Header:
                if (qualifier.SequenceEqual("405"u8))
                {
                    _productionDate = Single(s, _productionDate, "DTM*405 (production date)", _r.RequiredDate(s, 2, "production date"));
                }

                return;
            case Loop.Claim:
                if (qualifier.SequenceEqual("232"u8))
                {
                    _statementFrom = Single(s, _statementFrom, "DTM*232 (statement from date)", _r.RequiredDate(s, 2, "claim statement period start"));
                }
                else if (qualifier.SequenceEqual("233"u8))
                {
                    _statementTo = Single(s, _statementTo, "DTM*233 (statement to date)", _r.RequiredDate(s, 2, "claim statement period end"));
                }

                return;
            case Loop.Service:
                if (qualifier.SequenceEqual("472"u8))
                {
                    _serviceDate = Single(s, _serviceDate, "DTM*472 (service date)", _r.RequiredDate(s, 2, "service date"));
                }
                else if (qualifier.SequenceEqual("150"u8))
                {
                    _periodStart = Single(s, _periodStart, "DTM*150 (service period start)", _r.RequiredDate(s, 2, "service period start"));
                }
                else if (qualifier.SequenceEqual("151"u8))
                {
                    _periodEnd = Single(s, _periodEnd, "DTM*151 (service period end)", _r.RequiredDate(s, 2, "service period end"));
                }

                return;
            default:
                OutOfPlace(s, "DTM belongs to the header (DTM*405), a claim (DTM*232/233) or a service line (DTM*472/150/151)");
                return;
        }
    }

    private void ReadAmt(in X12Segment s)
    {
        if (_loop == Loop.Claim)
        {
            _r.RequiredAmount(s, 2, "claim supplemental amount");
            return;
        }

        if (_loop != Loop.Service)
        {
            OutOfPlace(s, "AMT belongs to a claim (after CLP) or a service line (after SVC)");
            return;
        }

        var amount = _r.RequiredAmount(s, 2, "service supplemental amount");
        if (s.GetElement(1).SequenceEqual("B6"u8))
        {
            _allowed = Single(s, _allowed, "AMT*B6 (allowed amount)", amount);
        }
    }

    private T Single<T>(in X12Segment s, T current, string what, T value)
    {
        if (current is not null)
        {
            Repeated(s, what);
        }

        return value;
    }

    private void ReadClp(in X12Segment s)
    {
        Enter(Loop.Claim, s);
        _inClaim = true;
        _clpNumber = s.Number;
        _pcn = _r.Required(s, 1, "patient control number");
        _status = _r.RequiredCode(s, 2, "claim status code", ClaimStatuses);
        _claimCharge = _r.RequiredAmount(s, 3, "total claim charge");
        _claimPaid = _r.RequiredAmount(s, 4, "claim payment amount");
        _patientResponsibility = _r.OptionalAmount(s, 5, "patient responsibility amount");
        _filing = _r.RequiredCode(s, 6, "claim filing indicator code");
        _icn = _r.Required(s, 7, "payer claim control number");
        _facility = _r.OptionalCode(s, 8);
        _frequency = _r.OptionalCode(s, 9);
        _crossover = null;
        _statementFrom = null;
        _statementTo = null;
    }

    private void CloseClaim()
    {
        CloseService();
        if (!_inClaim)
        {
            return;
        }

        _inClaim = false;
        _claims.Add(new ClaimPayment
        {
            PatientControlNumber = _pcn,
            StatusCode = _status,
            ChargeAmount = _claimCharge,
            PaymentAmount = _claimPaid,
            PatientResponsibilityAmount = _patientResponsibility,
            FilingIndicator = _filing,
            PayerClaimControlNumber = _icn,
            FacilityTypeCode = _facility,
            FrequencyCode = _frequency,
            Adjustments = Take(_claimCas),
            CrossoverPayer = _crossover,
            RemarkCodes = Take(_claimRemarks),
            StatementFrom = _statementFrom,
            StatementTo = _statementTo,
            SegmentNumber = _clpNumber,
            Services = Take(_services),
        });
    }

    private void ReadNm1(in X12Segment s)
    {
        if (!s.GetElement(1).SequenceEqual("TT"u8))
        {
            return;
        }

        if (_crossover is not null)
        {
            Cold(s, ColdProblem.CrossoverRepeated);
        }

        _crossover = new CrossoverPayer(_r.Required(s, 3, "crossover carrier name"), _r.OptionalCode(s, 8), ElementReader.Optional(s, 9));
    }

    private void ReadRemarks(in X12Segment s, ReadOnlySpan<int> positions)
    {
        foreach (var position in positions)
        {
            if (_r.OptionalCode(s, position) is { } code)
            {
                _claimRemarks.Add(code);
            }
        }
    }

    private void ReadCas(in X12Segment s, ImmutableArray<ClaimAdjustment>.Builder target)
    {
        var group = _r.RequiredCode(s, 1, "claim adjustment group code", AdjustmentGroups);
        if (s.ElementCount > 19)
        {
            Cold(s, ColdProblem.CasTooLong);
        }

        var triplets = 0;
        var present = Math.Min(6, s.ElementCount / 3);
        for (var k = 0; k < present; k++)
        {
            var reasonAt = 2 + (k * 3);
            if (!s.HasElement(reasonAt) && !s.HasElement(reasonAt + 1) && !s.HasElement(reasonAt + 2))
            {
                continue;
            }

            triplets++;
            var reason = _r.RequiredCode(s, reasonAt, "claim adjustment reason code");
            var amount = _r.RequiredAmount(s, reasonAt + 1, "adjustment amount");
            var quantity = _r.OptionalQuantity(s, reasonAt + 2, "adjustment quantity");
            target.Add(new ClaimAdjustment(group, reason, amount, quantity, s.Number));
        }

        if (triplets == 0)
        {
            _r.Error(s, "CAS carries no adjustment: CAS02 (reason code) and CAS03 (amount) are required", 2);
        }
    }

    private void ReadSvc(in X12Segment s)
    {
        Enter(Loop.Service, s);
        _inService = true;
        _svcNumber = s.Number;
        _procedure = ReadProcedure(s, 1, required: true);
        _serviceCharge = _r.RequiredAmount(s, 2, "line item charge");
        _servicePaid = _r.RequiredAmount(s, 3, "line item provider payment");
        _revenueCode = _r.OptionalCode(s, 4);
        _units = _r.OptionalQuantity(s, 5, "units of service paid") ?? 1m;
        _originalProcedure = ReadProcedure(s, 6, required: false);
        _originalUnits = _r.OptionalQuantity(s, 7, "original units of service");
        _serviceDate = null;
        _periodStart = null;
        _periodEnd = null;
        _lineControl = null;
        _allowed = null;
    }

    private void CloseService()
    {
        if (!_inService)
        {
            return;
        }

        _inService = false;
        _loop = Loop.Claim;
        _services.Add(new ServicePayment
        {
            Procedure = _procedure ?? new ProcedureCode("", "", []),
            ChargeAmount = _serviceCharge,
            PaymentAmount = _servicePaid,
            RevenueCode = _revenueCode,
            Units = _units,
            OriginalProcedure = _originalProcedure,
            OriginalUnits = _originalUnits,
            ServiceDate = _serviceDate,
            ServicePeriodStart = _periodStart,
            ServicePeriodEnd = _periodEnd,
            Adjustments = Take(_serviceCas),
            LineItemControlNumber = _lineControl,
            AllowedAmount = _allowed,
            RemarkCodes = Take(_serviceRemarks),
            SegmentNumber = _svcNumber,
        });
    }

    /// <summary>
    /// SVC01 / SVC06: qualifier, code, up to 4 modifiers, description. A composite written with
    /// another component separator than ISA16's, or split by the element separator, is named as such.
    /// </summary>
    private ProcedureCode? ReadProcedure(in X12Segment s, int position, bool required)
    {
        var raw = s.GetElement(position);
        if (raw.IsEmpty)
        {
            if (required)
            {
                CompositeProblem(s, position, raw, 0);
            }

            return null;
        }

        var separator = s.Delimiters.ComponentByte;
        if (raw.IndexOf(separator) < 0)
        {
            NotComposite(s, position, raw);
            return null;
        }

        return Composite(s, position, raw, separator);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NotComposite(in X12Segment s, int position, ReadOnlySpan<byte> raw)
    {
        var name = ElementReader.Name(s, position);
        var text = X12Segment.Decode(raw);
        if (raw.Length > 2 && ProcedureQualifiers.Contains(raw[..2]) && IsPunctuation(raw[2]))
        {
            _r.Error(s, $"composite '{text}' does not use the component separator '{s.Delimiters.Component}' declared in ISA16 (it seems to use '{(char)raw[2]}')", position);
        }
        else if (ProcedureQualifiers.Contains(raw))
        {
            var next = s.GetElement(position + 1);
            var hint = next.IsEmpty
                ? ""
                : $"; element {position + 1} holds '{X12Segment.Decode(next)}' — the code seems to be split off by the element separator '{s.Delimiters.Element}' instead of the component separator '{s.Delimiters.Component}', which shifts every later element";
            _r.Error(s, $"composite '{text}' has a qualifier but no procedure code ({name}-2){hint}", position);
        }
        else
        {
            _r.Error(s, $"{name}-1 (product/service id qualifier) '{text}' is not one of {ProcedureQualifiers.Listing}", position, 1);
        }
    }

    /// <summary>0: required but empty; 1: bad qualifier; 2: no code; more: that many components.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CompositeProblem(in X12Segment s, int position, ReadOnlySpan<byte> raw, int problem)
    {
        var name = ElementReader.Name(s, position);
        var text = X12Segment.Decode(raw);
        switch (problem)
        {
            case 0:
                _r.Error(s, $"{name} (composite medical procedure identifier) is required but empty", position);
                break;
            case 1:
                _r.Error(s, $"{name}-1 (product/service id qualifier) '{X12Segment.Decode(X12Segment.Piece(raw, s.Delimiters.ComponentByte, 1))}' in composite '{text}' is not one of {ProcedureQualifiers.Listing}", position, 1);
                break;
            case 2:
                _r.Error(s, $"{name}-2 (procedure code) is required but empty in composite '{text}'", position, 2);
                break;
            default:
                _r.Error(s, $"composite '{text}' has {problem} components; {name} has at most 8 (qualifier, code, 4 modifiers, description, NDC)", position);
                break;
        }
    }

    private ProcedureCode Composite(in X12Segment s, int position, ReadOnlySpan<byte> raw, byte separator)
    {
        // A file repeats a few hundred composites ("HC:99213:25") across millions of lines; the
        // parsed (immutable) code is shared. Keyed by the bytes and the separator that split them.
        var slot = -1;
        if (raw.Length <= 32)
        {
            var hash = new HashCode();
            hash.AddBytes(raw);
            hash.Add(separator);
            slot = hash.ToHashCode() & (ProcedureCacheSize - 1);
            if (_procedureSeparators[slot] == separator && _procedureKeys[slot] is { } key && raw.SequenceEqual(key))
            {
                return _procedures[slot]!;
            }
        }

        var errors = _r.ErrorCount;

        // Walk the components once: qualifier, code, modifiers 3–6, description 7, (NDC 8).
        var rest = raw;
        string qualifier = "", code = "";
        string? description = null;
        var components = 0;
        while (true)
        {
            var end = rest.IndexOf(separator);
            var component = end < 0 ? rest : rest[..end];
            components++;
            switch (components)
            {
                case 1:
                    qualifier = _r.Strings.Get(component);
                    if (!ProcedureQualifiers.Contains(component))
                    {
                        CompositeProblem(s, position, raw, 1);
                    }

                    break;
                case 2:
                    code = _r.Strings.Get(component);
                    break;
                case <= 6:
                    if (!component.IsEmpty)
                    {
                        _modifiers.Add(_r.Strings.Get(component));
                    }

                    break;
                case 7:
                    description = component.IsEmpty ? null : X12Segment.Decode(component);
                    break;
            }

            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        if (code.Length == 0)
        {
            CompositeProblem(s, position, raw, 2);
        }

        if (components > 8)
        {
            CompositeProblem(s, position, raw, components);
        }

        var procedure = new ProcedureCode(qualifier, code, Take(_modifiers), description);
        if (slot >= 0 && _r.ErrorCount == errors)
        {
            _procedureKeys[slot] = raw.ToArray();
            _procedureSeparators[slot] = separator;
            _procedures[slot] = procedure;
        }

        return procedure;
    }

    private void ReadPlb(in X12Segment s)
    {
        var provider = _r.Required(s, 1, "provider identifier");
        var period = _r.RequiredDate(s, 2, "fiscal period date");
        if (s.ElementCount > 14)
        {
            _r.Error(s, $"PLB has {s.ElementCount} elements; it carries at most 6 adjustment reason/amount pairs (PLB03..PLB14)", 15);
        }

        for (var k = 0; k < 6; k++)
        {
            var reasonAt = 3 + (k * 2);
            if (!s.HasElement(reasonAt) && !s.HasElement(reasonAt + 1))
            {
                continue;
            }

            var reason = s.GetComponent(reasonAt, 1);
            if (reason.IsEmpty)
            {
                _r.Error(s, $"{ElementReader.Name(s, reasonAt)}-1 (adjustment reason code, e.g. WO, L6, FB, 72, CS) is required with the amount in {ElementReader.Name(s, reasonAt + 1)}", reasonAt, 1);
            }

            var reference = s.GetComponent(reasonAt, 2);
            var amount = _r.RequiredAmount(s, reasonAt + 1, "provider adjustment amount");
            _plbItems.Add(new ProviderAdjustmentItem(_r.Strings.Get(reason), reference.IsEmpty ? null : X12Segment.Decode(reference), amount));
        }

        if (_plbItems.Count == 0)
        {
            _r.Error(s, "PLB carries no adjustment: PLB03 (reason:reference) and PLB04 (amount) are required", 3);
        }

        _plbs.Add(new ProviderAdjustment(provider, period, Take(_plbItems), s.Number));
    }

    /// <summary>The builder's items as an array of their own; the builder is emptied but keeps its capacity for the next claim.</summary>
    private static ImmutableArray<T> Take<T>(ImmutableArray<T>.Builder builder)
    {
        if (builder.Count == 0)
        {
            return [];
        }

        var items = builder.ToImmutable();
        builder.Clear();
        return items;
    }

    private static bool IsPunctuation(byte b) => b is > 0x20 and < 0x7F && !X12Scanner.IsAlphanumeric(b);
}
