using System.Collections.Immutable;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Practices;
using ArCluster.Domain.Practices;
using ArCluster.Domain.Validation;
using DomainAgingBasis = ArCluster.Domain.Practices.AgingBasis;
using DomainPayerKind = ArCluster.Domain.Practices.PayerKind;
using WireAgingBasis = ArCluster.Abstractions.Practices.AgingBasis;
using WirePayerKind = ArCluster.Abstractions.Practices.PayerKind;

namespace ArCluster.Grains.Practices;

/// <summary>Translates between wire records and the domain's validated practice profile.</summary>
internal static class PracticeMapping
{
    public static PracticeProfile ToValidProfile(this PracticeRegistration registration)
    {
        var input = new PracticeProfileInput(
            registration.PracticeId,
            registration.Name,
            registration.Npi,
            registration.TaxId,
            registration.Payers.IsDefault
                ? []
                : registration.Payers.Select(p => new PracticePayerInput(
                    p.PayerId, p.Name, (DomainPayerKind)p.Kind, p.TimelyFilingDays)).ToArray(),
            (DomainAgingBasis)registration.AgingBasis,
            registration.DepositAccounts.IsDefault ? [] : registration.DepositAccounts);
        return DomainRules.Run(() => PracticeProfileRules.Validate(input));
    }

    /// <summary>A stored practice back as the domain's profile: it was valid when stored.</summary>
    public static PracticeProfile ToProfile(this PracticeView view) =>
        new PracticeRegistration(view.PracticeId, view.Name, view.Npi, view.TaxId, view.Payers, view.AgingBasis, view.DepositAccounts).ToValidProfile();

    public static FeeScheduleInput ToInput(this FeeScheduleRates schedule) =>
        new(schedule.PayerId, schedule.Rates.IsDefault ? [] : [.. schedule.Rates.Select(r => new FeeScheduleRateInput(r.Code, r.Modifier, r.Allowed))]);

    /// <summary>A stored schedule back as the domain's: it was valid when stored, for this payer.</summary>
    public static FeeSchedule ToSchedule(this FeeScheduleView view) =>
        FeeScheduleRules.Validate(
            new FeeScheduleInput(view.PayerId, [.. view.Rates.Select(r => new FeeScheduleRateInput(r.Code, r.Modifier, r.Allowed))]),
            new HashSet<string>([view.PayerId], StringComparer.Ordinal));

    public static FeeScheduleView ToView(this FeeSchedule schedule, string practiceId, DateTimeOffset updatedAt) =>
        new(practiceId, schedule.Payer.Value, [.. schedule.Rates.Select(r => new FeeRate(r.Code.Value, r.Modifier?.Value, r.Allowed.Amount))], updatedAt);

    public static PracticeView ToView(this PracticeProfile profile, int version, DateTimeOffset registeredAt, DateTimeOffset updatedAt) =>
        new(
            profile.PracticeId.Value,
            profile.Name,
            profile.Npi.Value,
            profile.TaxId.Value,
            [.. profile.Payers.Select(p => new PayerRegistration(p.PayerId.Value, p.Name, (WirePayerKind)p.Kind, p.TimelyFilingDays))],
            (WireAgingBasis)profile.AgingBasis,
            version,
            registeredAt,
            updatedAt,
            [.. profile.DepositAccounts.Select(a => a.Value)]);

    /// <summary>Whether a stored practice already holds exactly this profile.</summary>
    public static bool Holds(this PracticeView view, PracticeProfile profile)
    {
        // Immutable arrays compare by reference in a record's equality: lists are compared item by item.
        var proposed = profile.ToView(view.Version, view.RegisteredAt, view.UpdatedAt);
        return proposed with { Payers = view.Payers, DepositAccounts = view.DepositAccounts } == view
            && proposed.Payers.SequenceEqual(view.Payers)
            && proposed.DepositAccounts.SequenceEqual(view.DepositAccounts, StringComparer.Ordinal);
    }
}
