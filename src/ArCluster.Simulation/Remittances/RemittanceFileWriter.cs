using System.Globalization;
using System.Text;
using ArCluster.Simulation.Adjudication;
using ArCluster.Simulation.Catalog;

namespace ArCluster.Simulation.Remittances;

/// <summary>
/// Writes one payer's 835 file for one payment day (005010X221A1): an interchange with one functional
/// group, and a transaction set per practice paid. Delimiters are the common ones (* : ^ ~) with a
/// line break after each segment; control numbers and counts are what the envelopes require
/// (SE01 counts ST..SE, GE01 the transaction sets, IEA01 the groups).
/// </summary>
internal sealed class RemittanceFileWriter(TextWriter output, PayerProfile payer, DateOnly day, int controlNumber)
{
    /// <summary>The billing company's clearinghouse id: ISA08 and GS03.</summary>
    public const string Receiver = "ARCLUSTERSIM";

    private readonly StringBuilder _segment = new(256);
    private int _transactions;
    private int _segments;

    public void Begin()
    {
        var time = string.Create(CultureInfo.InvariantCulture, $"06{payer.Index * 5:D2}");
        Segment($"ISA*00*          *00*          *ZZ*{payer.PayerId,-15}*ZZ*{Receiver,-15}*{day:yyMMdd}*{time}*^*00501*{controlNumber:D9}*0*P*:");
        Segment($"GS*HP*{payer.PayerId}*{Receiver}*{day:yyyyMMdd}*{time}*{controlNumber}*X*005010X221A1");
    }

    public void Write(RemittanceTransaction transaction)
    {
        _transactions++;
        _segments = 0;
        var control = string.Create(CultureInfo.InvariantCulture, $"{_transactions:D4}");
        var practice = transaction.Practice.Practice;
        Segment($"ST*835*{control}");
        Segment(transaction.Method switch
        {
            "ACH" => $"BPR*I*{Amounts.X12(transaction.Total)}*C*ACH*CCP*01*{payer.RoutingNumber}*DA*{payer.AccountNumber}*{payer.OriginatingCompanyId}**01*{practice.BankRoutingNumber}*DA*{practice.DepositAccount}*{transaction.PaymentDate:yyyyMMdd}",
            "CHK" => $"BPR*I*{Amounts.X12(transaction.Total)}*C*CHK************{transaction.PaymentDate:yyyyMMdd}",
            _ => $"BPR*H*0*C*NON************{transaction.PaymentDate:yyyyMMdd}",
        });
        Segment($"TRN*1*{transaction.TraceNumber}*{payer.OriginatingCompanyId}");
        Segment($"DTM*405*{transaction.PaymentDate:yyyyMMdd}");
        Segment($"N1*PR*{payer.RemittanceName}");
        Segment($"N3*{payer.Street}");
        Segment($"N4*{payer.City}*{payer.State}*{payer.Zip}");
        Segment($"REF*2U*{payer.PayerId}");
        Segment("PER*BL*EDI SUPPORT*TE*8005550100");
        Segment($"N1*PE*{practice.Registration.Name.ToUpperInvariant()}*XX*{practice.Npi}");
        Segment($"REF*TJ*{practice.TaxId.Replace("-", "", StringComparison.Ordinal)}");
        Segment("LX*1");
        foreach (var claim in transaction.Claims)
        {
            Claim(claim);
        }

        var items = transaction.ProviderAdjustments;
        for (var start = 0; start < items.Count; start += 6)
        {
            _segment.Clear().Append(CultureInfo.InvariantCulture, $"PLB*{practice.Npi}*{transaction.PaymentDate.Year}1231");
            foreach (var item in items.Skip(start).Take(6))
            {
                _segment.Append(CultureInfo.InvariantCulture, $"*{item.Reason}:{item.Reference}*{Amounts.X12(item.Amount)}");
            }

            Segment(_segment.ToString());
        }

        Segment($"SE*{_segments + 1}*{control}");
    }

    public void End()
    {
        Segment($"GE*{_transactions}*{controlNumber}");
        Segment($"IEA*1*{controlNumber:D9}");
    }

    private void Claim(RemittedClaim claim)
    {
        var patient = claim.Claim.Patient;
        var provider = claim.Claim.Provider;
        Segment($"CLP*{claim.ClaimId}*{claim.Status}*{Amounts.X12(claim.Charge)}*{Amounts.X12(claim.Paid)}*{Amounts.X12(claim.PatientResponsibility)}*{claim.Payer.FilingIndicator}*{claim.PayerClaimNumber}*{claim.Claim.Lines[0].PlaceOfService}*1");
        var member = claim.Payer == patient.SecondaryPayer ? patient.SecondaryMemberId : patient.PrimaryMemberId;
        Segment($"NM1*QC*1*{patient.Person.LastName.ToUpperInvariant()}*{patient.Person.FirstName.ToUpperInvariant()}****MI*{member}");
        Segment($"NM1*82*1*{provider.LastName.ToUpperInvariant()}*{provider.FirstName.ToUpperInvariant()}****XX*{provider.Npi}");
        if (claim.CrossoverTo is { } crossover)
        {
            Segment($"NM1*TT*2*{crossover.RemittanceName}*****PI*{crossover.PayerId}");
        }

        if (claim.ClaimRemark is { } remark)
        {
            Segment($"MOA***{remark}");
        }

        // Received one to three days after the visit, as charge entry and submission take.
        Segment($"DTM*050*{claim.Claim.ServiceDate.AddDays(1 + (claim.Claim.Index % 3)):yyyyMMdd}");
        foreach (var service in claim.Services)
        {
            Service(service, claim.Claim.ServiceDate);
        }
    }

    private void Service(RemittedService service, DateOnly serviceDate)
    {
        var line = service.Line;
        _segment.Clear().Append("SVC*HC:").Append(line.Code);
        foreach (var modifier in line.Modifiers)
        {
            _segment.Append(':').Append(modifier);
        }

        _segment.Append(CultureInfo.InvariantCulture, $"*{Amounts.X12(service.Charge)}*{Amounts.X12(service.Paid)}**{line.Units:0.###}");
        Segment(_segment.ToString());
        Segment($"DTM*472*{serviceDate:yyyyMMdd}");
        foreach (var group in service.Adjustments.GroupBy(a => a.Group))
        {
            var adjustments = group.ToArray();
            for (var start = 0; start < adjustments.Length; start += 6)
            {
                _segment.Clear().Append("CAS*").Append(group.Key);
                for (var i = start; i < Math.Min(start + 6, adjustments.Length); i++)
                {
                    _segment.Append(i == start ? "*" : "**").Append(adjustments[i].Reason).Append('*').Append(Amounts.X12(adjustments[i].Amount));
                }

                Segment(_segment.ToString());
            }
        }

        Segment($"REF*6R*{line.ControlNumber}");
        if (service.Allowed is { } allowed)
        {
            Segment($"AMT*B6*{Amounts.X12(allowed)}");
        }

        if (service.Remark is { } remark)
        {
            Segment($"LQ*HE*{remark}");
        }
    }

    private void Segment(string text)
    {
        output.Write(text);
        output.Write("~\n");
        _segments++;
    }
}
