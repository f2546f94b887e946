using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Practices;
using ArCluster.Domain.Claims;
using ArCluster.Domain.FollowUp;
using ArCluster.Grains.FollowUp;
using ArCluster.Persistence.Worklists;
using Microsoft.Extensions.Logging;

namespace ArCluster.Grains.Claims;

/// <summary>
/// The claim's own follow-up clock: one reminder per claim, armed for the next event of its
/// follow-up plan and re-armed each time it fires. A posting re-arms it only when it brings an
/// event earlier than the armed one, and touches the worklists only when what they should show
/// changed, so posting an 835 to a claim nobody needs to chase costs nothing extra.
/// </summary>
public sealed partial class ClaimGrain : IRemindable
{
    public const string FollowUpReminder = "follow-up";

    private FollowUpSettings? _settings;
    private DateOnly? _armedFor;
    private bool _followUpPending;

    public async Task<ClaimFollowUpView> CheckFollowUp()
    {
        var plan = await CheckFollowUpAsync();
        return ToView(plan);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == FollowUpReminder)
        {
            await CheckFollowUpAsync();
        }
    }

    /// <summary>What a firing reminder does: settings read afresh, every due event raised, the lists restated, the reminder re-armed or dropped.</summary>
    private async Task<FollowUpPlan> CheckFollowUpAsync()
    {
        if (!followUpOptions.Enabled)
        {
            return FollowUpPlan.None;
        }

        _settings = followUpSettings.For(await GrainFactory.GetGrain<IPracticeGrain>(_practice.Value).Read());
        var plan = _claim is null ? FollowUpPlan.None : FollowUpSchedule.For(_claim, _settings);
        var today = clock.Today;
        await worklists.SyncAsync(new WorklistSync(_practice.Value, Scope, plan.RaisedBy(today), plan.OpenKeys(today), clock.GetUtcNow()));
        if (plan.NextDueAfter(today) is { } next)
        {
            await ArmAsync(next);
        }
        else
        {
            await DisarmAsync();
        }

        _followUpPending = false;
        return plan;
    }

    /// <summary>The plan before a change, for <see cref="AfterChangeAsync"/> to compare with; null when follow-up is off.</summary>
    private async Task<FollowUpPlan?> PlanBeforeChangeAsync()
    {
        if (!followUpOptions.Enabled)
        {
            return null;
        }

        if (_followUpPending)
        {
            await CheckFollowUpAsync();
        }

        return _claim is null ? FollowUpPlan.None : FollowUpSchedule.For(_claim, await SettingsAsync());
    }

    /// <summary>
    /// After a posting is durable: restates the lists if they should now show something else, and
    /// re-arms the reminder if the next event came earlier (a later one is found when the armed
    /// reminder fires). A failure here cannot undo the posting; it is retried on the next call.
    /// </summary>
    private async Task AfterChangeAsync(FollowUpPlan? before)
    {
        if (before is null || _claim is null)
        {
            return;
        }

        try
        {
            var after = FollowUpSchedule.For(_claim, await SettingsAsync());
            var today = clock.Today;
            if (!after.SameOnLists(before, today))
            {
                await worklists.SyncAsync(new WorklistSync(_practice.Value, Scope, after.RaisedBy(today), after.OpenKeys(today), clock.GetUtcNow()));
            }

            if (after.NextDueAfter(today) is { } next && (before.NextDueAfter(today) is not { } armed || next < armed))
            {
                await ArmAsync(next);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _followUpPending = true;
            logger.LogWarning(e, "Follow-up of claim {Claim} could not be brought up to date; it is retried on the next call", this.GetPrimaryKeyString());
        }
    }

    private async Task ArmAsync(DateOnly next)
    {
        var wait = new DateTimeOffset(next.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - clock.GetUtcNow();
        wait = wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > followUpOptions.LongestSleep ? followUpOptions.LongestSleep : wait;
        // One after the other: side by side, a burst of claims being opened holds two connections
        // each, from two pools, and can exhaust the server's connection limit.
        await alarms.ArmAsync(_practice.Value, _claimKey, next, clock.GetUtcNow());
        await this.RegisterOrUpdateReminder(FollowUpReminder, wait, followUpOptions.RetryPeriod);
        _armedFor = next;
    }

    private async Task DisarmAsync()
    {
        if (await this.GetReminder(FollowUpReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await alarms.DisarmAsync(_practice.Value, _claimKey);
        _armedFor = null;
    }

    /// <summary>The practice's settings as this silo last read them; read from the practice only when the silo has none.</summary>
    private async Task<FollowUpSettings> SettingsAsync() =>
        _settings ??= followUpSettings.Latest(_practice.Value) ?? followUpSettings.For(await GrainFactory.GetGrain<IPracticeGrain>(_practice.Value).Read());

    private string Scope => $"claim:{_claimKey}";

    private ClaimFollowUpView ToView(FollowUpPlan plan)
    {
        var today = clock.Today;
        var open = plan.OpenKeys(today);
        return new ClaimFollowUpView(_practice.Value, _claimKey, _claim?.Status.ToString() ?? "NotOnFile", today, _armedFor,
            [.. plan.Events.Select(e => new FollowUpEventView(e.Key, e.Kind.ToString(), e.DueOn, e.Deadline, e.DueOn <= today, open.Contains(e.Key), e.Escalated, e.Reason, e.Amount.Amount, e.PayerId))]);
    }
}
