using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ArCluster.X12.Remittance;

namespace ArCluster.X12.Tests.TestData;

/// <summary>How a generated file lays out its segments.</summary>
public sealed record X12Layout(char Element, char Component, char Repetition, char Terminator, string BetweenSegments)
{
    public static X12Layout Standard { get; } = new('*', ':', '^', '~', "\n");

    public static X12Layout Pipes { get; } = new('|', '^', '!', '\n', "");

    public override string ToString() =>
        $"element '{Element}', component '{Component}', repetition '{Repetition}', terminator '{Printable(Terminator)}', between '{string.Concat(BetweenSegments.Select(Printable))}'";

    private static string Printable(char c) => c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => c.ToString() };
}

/// <summary>
/// A small 835 writer for tests: writes advices as one interchange and returns, beside the text, the
/// advices as the parser must read them back (segment numbers filled in from where each landed).
/// </summary>
public sealed class RemittanceWriter(X12Layout layout)
{
    private readonly StringBuilder _text = new();
    private long _number;
    private int _transactionSegments;

    public static (string Text, ImmutableArray<RemittanceAdvice> Expected) Write(X12Layout layout, IReadOnlyList<RemittanceAdvice> advices, string interchangeControl = "000000905")
    {
        var writer = new RemittanceWriter(layout);
        var expected = ImmutableArray.CreateBuilder<RemittanceAdvice>();
        writer.Segment("ISA", "00", "          ", "00", "          ", "ZZ", "SENDER".PadRight(15), "ZZ", "RECEIVER".PadRight(15), "240315", "0930", layout.Repetition.ToString(), "00501", interchangeControl, "0", "P", layout.Component.ToString());
        writer.Segment("GS", "HP", "SENDER", "RECEIVER", "20240315", "0930", "42", "X", "005010X221A1");
        foreach (var advice in advices)
        {
            expected.Add(writer.Transaction(advice));
        }

        writer.Segment("GE", Count(advices.Count), "42");
        writer.Segment("IEA", "1", interchangeControl);
        return (writer._text.ToString(), expected.ToImmutable());
    }

    private RemittanceAdvice Transaction(RemittanceAdvice advice)
    {
        _transactionSegments = 0;
        var st = Segment("ST", "835", advice.TransactionControlNumber, "005010X221A1");
        Segment("BPR", advice.HandlingCode, Amount(advice.TotalActualPayment), advice.CreditDebitFlag, advice.PaymentMethod, "", "", "", "", "", "", "", "", "", "", "", Date(advice.PaymentDate));
        Segment("TRN", "1", advice.TraceNumber, advice.OriginatingCompanyId);
        if (advice.ProductionDate is { } produced)
        {
            Segment("DTM", "405", Date(produced));
        }

        Segment("N1", "PR", advice.Payer.Name, advice.Payer.IdQualifier ?? "", advice.Payer.Id ?? "");
        if (advice.Payer.PayerId is { } payerId)
        {
            Segment("REF", "2U", payerId);
        }

        Segment("N1", "PE", advice.Payee.Name, advice.Payee.IdQualifier, advice.Payee.Id);
        if (advice.Payee.TaxId is { } taxId)
        {
            Segment("REF", "TJ", taxId);
        }

        var claims = ImmutableArray.CreateBuilder<ClaimPayment>();
        if (advice.Claims.Length > 0)
        {
            Segment("LX", "1");
        }

        foreach (var claim in advice.Claims)
        {
            claims.Add(Claim(claim));
        }

        var plbs = ImmutableArray.CreateBuilder<ProviderAdjustment>();
        foreach (var plb in advice.ProviderAdjustments)
        {
            var elements = new List<string> { plb.ProviderId, Date(plb.FiscalPeriodDate) };
            foreach (var item in plb.Items)
            {
                elements.Add(item.Reference is null ? item.ReasonCode : $"{item.ReasonCode}{layout.Component}{item.Reference}");
                elements.Add(Amount(item.Amount));
            }

            plbs.Add(plb with { SegmentNumber = Segment("PLB", [.. elements]) });
        }

        Segment("SE", Count(_transactionSegments + 1), advice.TransactionControlNumber);
        return advice with { SegmentNumber = st, Claims = claims.ToImmutable(), ProviderAdjustments = plbs.ToImmutable() };
    }

    private ClaimPayment Claim(ClaimPayment claim)
    {
        var clp = Segment("CLP", claim.PatientControlNumber, claim.StatusCode, Amount(claim.ChargeAmount), Amount(claim.PaymentAmount),
            claim.PatientResponsibilityAmount is { } pr ? Amount(pr) : "", claim.FilingIndicator, claim.PayerClaimControlNumber, claim.FacilityTypeCode ?? "", claim.FrequencyCode ?? "");
        var adjustments = Adjustments(claim.Adjustments);
        if (claim.CrossoverPayer is { } crossover)
        {
            Segment("NM1", "TT", "2", crossover.Name, "", "", "", "", crossover.IdQualifier ?? "", crossover.Id ?? "");
        }

        if (claim.RemarkCodes.Length > 0)
        {
            Segment("MOA", ["", "", .. claim.RemarkCodes]);
        }

        if (claim.StatementFrom is { } from)
        {
            Segment("DTM", "232", Date(from));
        }

        if (claim.StatementTo is { } to)
        {
            Segment("DTM", "233", Date(to));
        }

        var services = ImmutableArray.CreateBuilder<ServicePayment>();
        foreach (var service in claim.Services)
        {
            var svc = Segment("SVC", Composite(service.Procedure), Amount(service.ChargeAmount), Amount(service.PaymentAmount), service.RevenueCode ?? "",
                service.Units == 1m ? "" : Number(service.Units), service.OriginalProcedure is { } original ? Composite(original) : "", service.OriginalUnits is { } units ? Number(units) : "");
            if (service.ServiceDate is { } date)
            {
                Segment("DTM", "472", Date(date));
            }

            if (service.ServicePeriodStart is { } start)
            {
                Segment("DTM", "150", Date(start));
            }

            if (service.ServicePeriodEnd is { } end)
            {
                Segment("DTM", "151", Date(end));
            }

            var serviceAdjustments = Adjustments(service.Adjustments);
            if (service.LineItemControlNumber is { } line)
            {
                Segment("REF", "6R", line);
            }

            if (service.AllowedAmount is { } allowed)
            {
                Segment("AMT", "B6", Amount(allowed));
            }

            foreach (var remark in service.RemarkCodes)
            {
                Segment("LQ", "HE", remark);
            }

            services.Add(service with { SegmentNumber = svc, Adjustments = serviceAdjustments });
        }

        return claim with { SegmentNumber = clp, Adjustments = adjustments, Services = services.ToImmutable() };
    }

    /// <summary>Consecutive adjustments of one group share a CAS, up to 6 triplets each.</summary>
    private ImmutableArray<ClaimAdjustment> Adjustments(ImmutableArray<ClaimAdjustment> adjustments)
    {
        var written = ImmutableArray.CreateBuilder<ClaimAdjustment>();
        var i = 0;
        while (i < adjustments.Length)
        {
            var group = adjustments[i].Group;
            var elements = new List<string> { group };
            var batch = new List<ClaimAdjustment>();
            while (i < adjustments.Length && adjustments[i].Group == group && batch.Count < 6)
            {
                var adjustment = adjustments[i++];
                batch.Add(adjustment);
                elements.Add(adjustment.Reason);
                elements.Add(Amount(adjustment.Amount));
                elements.Add(adjustment.Quantity is { } quantity ? Number(quantity) : "");
            }

            var number = Segment("CAS", [.. elements]);
            written.AddRange(batch.Select(a => a with { SegmentNumber = number }));
        }

        return written.ToImmutable();
    }

    private string Composite(ProcedureCode procedure)
    {
        var parts = new List<string> { procedure.Qualifier, procedure.Code };
        parts.AddRange(procedure.Modifiers);
        if (procedure.Description is { } description)
        {
            while (parts.Count < 6)
            {
                parts.Add("");
            }

            parts.Add(description);
        }

        return string.Join(layout.Component, parts);
    }

    private long Segment(string id, params string[] elements)
    {
        var last = elements.Length;
        if (id != "ISA")
        {
            while (last > 0 && elements[last - 1].Length == 0)
            {
                last--;
            }
        }

        _text.Append(id);
        for (var i = 0; i < last; i++)
        {
            _text.Append(layout.Element).Append(elements[i]);
        }

        _text.Append(layout.Terminator).Append(layout.BetweenSegments);
        _transactionSegments++;
        return ++_number;
    }

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
