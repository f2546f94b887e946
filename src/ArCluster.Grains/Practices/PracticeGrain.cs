using Orleans.Runtime;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Practices;

namespace ArCluster.Grains.Practices;

public sealed class PracticeGrain(
    [PersistentState("practice")] IPersistentState<PracticeState> state,
    TimeProvider clock) : Grain, IPracticeGrain
{
    public async Task<PracticeView> Register(PracticeRegistration registration)
    {
        var profile = ValidFor(registration);
        if (state.State.Practice is { } existing)
        {
            return existing.Holds(profile)
                ? existing
                : throw new ConflictException(
                    $"Practice '{existing.PracticeId}' is already registered with different details (version {existing.Version}); update it instead.");
        }

        var now = clock.GetUtcNow();
        state.State.Practice = profile.ToView(1, now, now);
        await state.WriteStateAsync();
        return state.State.Practice;
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

        state.State.Practice = profile.ToView(existing.Version + 1, existing.RegisteredAt, clock.GetUtcNow());
        await state.WriteStateAsync();
        return state.State.Practice;
    }

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
