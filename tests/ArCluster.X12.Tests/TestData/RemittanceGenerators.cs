using System.Collections.Immutable;
using ArCluster.X12.Remittance;
using FsCheck;
using FsCheck.Fluent;

namespace ArCluster.X12.Tests.TestData;

/// <summary>
/// Random but well-formed, balancing 835 advices: 0–4 claims of 0–4 service lines, CAS runs longer
/// than one segment holds, reversals, PLB items of both signs, optional everything. Segment numbers
/// are left at 0; <see cref="RemittanceWriter"/> fills them in.
/// </summary>
public static class RemittanceGenerators
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    public static Gen<X12Layout> Layout { get; } = Gen.Elements(
        X12Layout.Standard,
        X12Layout.Pipes,
        new X12Layout('*', ':', '^', '~', ""),
        new X12Layout('*', '>', '^', '~', "\r\n"),
        new X12Layout('^', '\\', '{', '\'', "\r\n  \r\n"),
        new X12Layout('|', '^', '!', '\n', "\n"));

    public static Gen<DateOnly> Date { get; } =
        Gen.Choose(0, 365 * 30).Select(days => new DateOnly(2000, 1, 1).AddDays(days));

    public static Gen<ClaimAdjustment> Adjustment { get; } =
        from @group in Gen.Elements("CO", "PR", "OA", "PI")
        from reason in Gen.Elements("45", "1", "2", "3", "23", "97", "A2", "16", "253", "B7")
        from amount in Money(-5_000, 50_000)
        from quantity in Gen.Frequency((9, Gen.Constant<decimal?>(null)), (1, Gen.Choose(1, 40).Select(q => (decimal?)(q / 4m))))
        select new ClaimAdjustment(@group, reason, amount, quantity, 0);

    public static Gen<ProcedureCode> Procedure { get; } =
        from kind in Gen.Choose(0, 9)
        from code in kind == 0 ? Token(Digits, 11, 11) : Token(Digits, 5, 5)
        from modifierCount in Gen.Frequency((5, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Choose(2, 4)))
        from modifiers in Gen.ArrayOf(Gen.Elements("25", "26", "59", "TC", "LT", "RT", "GT", "QW"), modifierCount)
        from description in Gen.Frequency((9, Gen.Constant<string?>(null)), (1, Token(Upper, 3, 20).Select(t => (string?)t)))
        select new ProcedureCode(kind == 0 ? "N4" : "HC", code, [.. modifiers], description);

    public static Gen<ServicePayment> Service { get; } =
        from procedure in Procedure
        from charge in Money(0, 500_000)
        from adjustmentCount in Gen.Frequency((2, Gen.Constant(0)), (6, Gen.Choose(1, 3)), (1, Gen.Choose(6, 9)))
        from adjustments in Gen.ArrayOf(Adjustment, adjustmentCount)
        from revenue in Optional(Token(Digits, 4, 4), 5)
        from units in Gen.Frequency((6, Gen.Constant(1m)), (3, Gen.Choose(2, 12).Select(u => (decimal)u)), (1, Gen.Constant(1.5m)))
        from original in Gen.Frequency((9, Gen.Constant<ProcedureCode?>(null)), (1, Procedure.Select(p => (ProcedureCode?)p)))
        from originalUnits in Gen.Frequency((9, Gen.Constant<decimal?>(null)), (1, Gen.Constant<decimal?>(2m)))
        from dateKind in Gen.Choose(0, 3)
        from date in Date
        from days in Gen.Choose(0, 5)
        from line in Optional(Token(Upper + Digits, 1, 30), 2)
        from allowed in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (2, Money(0, 500_000).Select(a => (decimal?)a)))
        from remarkCount in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        from remarks in Gen.ArrayOf(Gen.Elements("N14", "M15", "MA130", "N130", "N362"), remarkCount)
        select new ServicePayment
        {
            Procedure = procedure,
            ChargeAmount = charge,
            PaymentAmount = charge - adjustments.Sum(a => a.Amount),
            RevenueCode = revenue,
            Units = units,
            OriginalProcedure = original,
            OriginalUnits = original is null ? null : originalUnits,
            ServiceDate = dateKind is 0 or 1 ? date : null,
            ServicePeriodStart = dateKind == 2 ? date : null,
            ServicePeriodEnd = dateKind == 2 ? date.AddDays(days) : null,
            Adjustments = [.. adjustments],
            LineItemControlNumber = line,
            AllowedAmount = allowed,
            RemarkCodes = [.. remarks],
            SegmentNumber = 0,
        };

    public static Gen<ClaimPayment> Claim { get; } =
        from pcn in Token(Upper + Digits, 1, 20)
        from status in Gen.Elements("1", "1", "1", "2", "3", "4", "19", "22", "23")
        from serviceCount in Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 4)))
        from services in Gen.ArrayOf(Service, serviceCount)
        from extraCharge in Gen.Frequency((4, Gen.Constant(0m)), (1, Money(0, 100_000)))
        from adjustmentCount in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
        from adjustments in Gen.ArrayOf(Adjustment, adjustmentCount)
        from patient in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (2, Money(0, 100_000).Select(a => (decimal?)a)))
        from filing in Gen.Elements("12", "MA", "MB", "MC", "CI", "HM", "BL")
        from icn in Token(Upper + Digits, 1, 30)
        from facility in Optional(Gen.Elements("11", "13", "21"), 3)
        from frequency in Optional(Gen.Elements("1", "7", "8"), 3)
        from crossover in Gen.Frequency((8, Gen.Constant<CrossoverPayer?>(null)), (1, Gen.Constant<CrossoverPayer?>(new CrossoverPayer("MEDIGAP PLAN", "PI", "12345"))), (1, Gen.Constant<CrossoverPayer?>(new CrossoverPayer("STATE MEDICAID", null, null))))
        from remarkCount in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 5)))
        from remarks in Gen.ArrayOf(Gen.Elements("MA01", "MA02", "MA15", "N4", "M80"), remarkCount)
        from statementFrom in Optional(Date.Select(d => (DateOnly?)d), 2)
        let sign = status == "22" ? -1m : 1m
        let charge = services.Length == 0 ? extraCharge + 100m : services.Sum(s => s.ChargeAmount) + extraCharge
        let lines = services.Select(s => status == "22" ? Negate(s) : s).ToArray()
        let claimAdjustments = adjustments.Select(a => a with { Amount = a.Amount * sign }).ToArray()
        let allAdjustments = claimAdjustments.Sum(a => a.Amount) + lines.Sum(s => s.Adjustments.Sum(a => a.Amount))
        select new ClaimPayment
        {
            PatientControlNumber = pcn,
            StatusCode = status,
            ChargeAmount = charge * sign,
            PaymentAmount = (charge * sign) - allAdjustments,
            PatientResponsibilityAmount = patient,
            FilingIndicator = filing,
            PayerClaimControlNumber = icn,
            FacilityTypeCode = facility,
            FrequencyCode = frequency,
            Adjustments = [.. claimAdjustments],
            CrossoverPayer = crossover,
            RemarkCodes = [.. remarks],
            StatementFrom = statementFrom,
            StatementTo = statementFrom?.AddDays(3),
            SegmentNumber = 0,
            Services = [.. lines],
        };

    public static Gen<ProviderAdjustment> ProviderAdjustment { get; } =
        from provider in Token(Digits, 10, 10)
        from period in Date
        from count in Gen.Choose(1, 6)
        from items in Gen.ArrayOf(
            from reason in Gen.Elements("WO", "L6", "FB", "72", "CS", "J1", "50", "51")
            from reference in Optional(Token(Upper + Digits, 1, 20), 2)
            from amount in Money(-10_000, 10_000)
            select new ProviderAdjustmentItem(reason, reference, amount),
            count)
        select new ProviderAdjustment(provider, period, [.. items], 0);

    public static Gen<RemittanceAdvice> Advice { get; } =
        from control in Token(Digits, 4, 9)
        from handling in Gen.Elements("I", "C", "H")
        from method in Gen.Elements("ACH", "CHK", "NON", "BOP", "FWT")
        from paid in Date
        from trace in Token(Upper + Digits, 1, 30)
        from originator in Token(Digits, 10, 10)
        from production in Optional(Date.Select(d => (DateOnly?)d), 2)
        from payerName in Token(Upper + " ", 1, 35).Select(n => n.Trim() + "X")
        from payerHasId in Gen.Elements(true, false)
        from payerRef in Optional(Token(Digits, 3, 10), 2)
        from payeeName in Token(Upper + " ", 1, 35).Select(n => n.Trim() + "Y")
        from payeeQualifier in Gen.Elements("XX", "FI", "XV")
        from payeeId in Token(Digits, 9, 10)
        from taxId in Optional(Token(Digits, 9, 9), 2)
        from claimCount in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 4)))
        from claims in Gen.ArrayOf(Claim, claimCount)
        from plbCount in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        from plbs in Gen.ArrayOf(ProviderAdjustment, plbCount)
        let net = claims.Sum(c => c.PaymentAmount) - plbs.Sum(p => p.Items.Sum(i => i.Amount))
        select new RemittanceAdvice
        {
            TransactionControlNumber = control,
            SegmentNumber = 0,
            HandlingCode = handling,
            TotalActualPayment = Math.Abs(net),
            CreditDebitFlag = net < 0 ? "D" : "C",
            PaymentMethod = method,
            PaymentDate = paid,
            TraceNumber = trace,
            OriginatingCompanyId = originator,
            ProductionDate = production,
            Payer = new RemittancePayer(payerName, payerHasId ? "XV" : null, payerHasId ? "PAYER01" : null, payerRef),
            Payee = new RemittancePayee(payeeName, payeeQualifier, payeeId, taxId),
            Claims = [.. claims],
            ProviderAdjustments = [.. plbs],
        };

    /// <summary>A file's worth: 1–3 advices and a layout.</summary>
    public static Gen<(X12Layout Layout, RemittanceAdvice[] Advices)> File { get; } =
        from layout in Layout
        from count in Gen.Choose(1, 3)
        from advices in Gen.ArrayOf(Advice, count)
        select (layout, advices);

    /// <summary>An amount in whole cents between the bounds (in cents).</summary>
    public static Gen<decimal> Money(int minCents, int maxCents) => Gen.Choose(minCents, maxCents).Select(c => c / 100m);

    private static ServicePayment Negate(ServicePayment s) => s with
    {
        ChargeAmount = -s.ChargeAmount,
        PaymentAmount = -s.PaymentAmount,
        Adjustments = [.. s.Adjustments.Select(a => a with { Amount = -a.Amount })],
    };

    private static Gen<string> Token(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);

    private static Gen<T?> Optional<T>(Gen<T> gen, int presentWeight)
        where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (presentWeight, gen.Select(v => (T?)v)));

    private static Gen<DateOnly?> Optional(Gen<DateOnly?> gen, int presentWeight) =>
        Gen.Frequency((1, Gen.Constant<DateOnly?>(null)), (presentWeight, gen));
}
