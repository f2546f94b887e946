using System.Collections.Immutable;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Practices;
using ArCluster.Abstractions.Remittances;
using Orleans.Runtime;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Practices;

namespace ArCluster.Grains.Practices;

public sealed class PracticeGrain(
    [PersistentState("practice")] IPersistentState<PracticeState> state,
    BusinessClock clock) : Grain, IPracticeGrain
{
    private readonly Dictionary<string, FeeSchedule> _feeSchedules = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A practice stored before deposit accounts existed has none, not a missing list.
        if (state.State.Practice is { DepositAccounts.IsDefault: true } stored)
        {
            state.State.Practice = stored with { DepositAccounts = [] };
        }

        return Task.CompletedTask;
    }

    public async Task<PracticeView> Register(PracticeRegistration registration)
    {
        var profile = ValidFor(registration);
        if (state.State.Practice is { } existing)
        {
            if (existing.Holds(profile))
            {
                // A registration retried after a crash still reaches the directory.
                await ListInDirectoryAsync(existing);
                return existing;
            }

            throw new ConflictException(
                $"Practice '{existing.PracticeId}' is already registered with different details (version {existing.Version}); update it instead.");
        }

        var now = clock.GetUtcNow();
        var practice = profile.ToView(1, now, now);
        await ListInDirectoryAsync(practice);
        state.State.Practice = practice;
        await state.WriteStateAsync();
        return practice;
    }

    public async Task<PracticeView> Update(PracticeRegistration registration, int expectedVersion)
    {
        var profile = ValidFor(registration);
        var existing = await Read();
        if (existing.Version != expectedVersion)
        {
            throw new ConflictException(
                $"Practice '{existing.PracticeId}' is at version {existing.Version}, not {expectedVersion}; re-read it and apply your change again.");
        }

        if (existing.Holds(profile))
        {
            return existing;
        }

        var updated = profile.ToView(existing.Version + 1, existing.RegisteredAt, clock.GetUtcNow());
        await ListInDirectoryAsync(updated);
        state.State.Practice = updated;
        await state.WriteStateAsync();
        return updated;
    }

    public async Task<FeeScheduleView> SetFeeSchedule(FeeScheduleRates schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var practice = await Read();
        var payers = practice.Payers.Select(p => p.PayerId).ToHashSet(StringComparer.Ordinal);
        var validated = DomainRules.Run(() => FeeScheduleRules.Validate(schedule.ToInput(), payers));
        var view = validated.ToView(practice.PracticeId, clock.GetUtcNow());
        state.State.FeeSchedules[view.PayerId] = view;
        await state.WriteStateAsync();
        _feeSchedules.Remove(view.PayerId);
        return view;
    }

    public async Task<FeeScheduleView> GetFeeSchedule(string payerId)
    {
        var practice = await Read();
        var key = PayerId.TryParse(payerId, out var payer, out _) ? payer.Value : payerId;
        return state.State.FeeSchedules.TryGetValue(key, out var view) ? view : new FeeScheduleView(practice.PracticeId, key, [], practice.UpdatedAt);
    }

    public async Task<decimal?> ExpectedAllowed(string payerId, string code, ImmutableArray<string> modifiers)
    {
        await Read();
        if (!PayerId.TryParse(payerId, out var payer, out _) || !ProcedureCode.TryParse(code, out var procedure, out _))
        {
            return null;
        }

        if (!_feeSchedules.TryGetValue(payer.Value, out var schedule))
        {
            if (!state.State.FeeSchedules.TryGetValue(payer.Value, out var view))
            {
                return null;
            }

            schedule = view.ToSchedule();
            _feeSchedules[payer.Value] = schedule;
        }

        var billed = modifiers.IsDefault ? [] : modifiers.Select(m => Modifier.TryParse(m, out var parsed, out _) ? parsed : (Modifier?)null).OfType<Modifier>();
        return schedule.ExpectedAllowed(procedure, billed)?.Amount;
    }

    /// <summary>
    /// Lets remittances find this practice by the payee NPI or tax id on an 835, and bank deposits by
    /// the account they arrive in. Done before the practice is stored, so an NPI or account already
    /// used by another practice refuses the change.
    /// </summary>
    private Task ListInDirectoryAsync(PracticeView practice) =>
        GrainFactory.GetGrain<IPracticeDirectoryGrain>("all").Record(practice.PracticeId, practice.Npi, practice.TaxId, practice.DepositAccounts);

    public Task<PracticeView> Read() =>
        state.State.Practice is { } practice
            ? Task.FromResult(practice)
            : throw new NotFoundException("Practice", this.GetPrimaryKeyString());

    private Domain.Practices.PracticeProfile ValidFor(PracticeRegistration registration)
    {
        var key = this.GetPrimaryKeyString();
        if (registration.PracticeId != key)
        {
            throw new InvalidCommandException(
                $"Practice id '{registration.PracticeId}' does not match the practice addressed ('{key}').",
                [new FieldError("practiceId", $"must be '{key}'")]);
        }

        return registration.ToValidProfile();
    }
}
