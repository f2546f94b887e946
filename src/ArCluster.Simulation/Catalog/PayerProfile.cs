using ArCluster.Abstractions.Practices;

namespace ArCluster.Simulation.Catalog;

/// <summary>
/// A payer as the simulation models it: who it is on the 835 (N1*PR, REF*2U, TRN03), when it pays
/// (its payment weekdays and adjudication lag), what it allows (a share of the charge) and where its
/// money comes from (the originating bank in BPR).
/// </summary>
internal sealed record PayerProfile(
    int Index,
    string PayerId,
    string Name,
    PayerKind Kind,
    int TimelyFilingDays,
    string RemittanceName,
    string TaxId,
    string FilingIndicator,
    DayOfWeek[] PaymentDays,
    int LagMin,
    int LagMax,
    decimal AllowedMin,
    decimal AllowedMax,
    string TracePrefix,
    string Street,
    string City,
    string State,
    string Zip,
    string RoutingNumber,
    string AccountNumber,
    decimal AnnualInterestRate)
{
    /// <summary>TRN03 and BPR10: '1' followed by the payer's federal tax id.</summary>
    public string OriginatingCompanyId => "1" + TaxId;

    public PayerRegistration Registration => new(PayerId, Name, Kind, TimelyFilingDays);

    public bool PaysOn(DateOnly day) => Array.IndexOf(PaymentDays, day.DayOfWeek) >= 0 && Calendar.BusinessCalendar.IsBusinessDay(day);

    /// <summary>The payer's first payment day on or after <paramref name="day"/>.</summary>
    public DateOnly PaymentDayOnOrAfter(DateOnly day)
    {
        while (!PaysOn(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
