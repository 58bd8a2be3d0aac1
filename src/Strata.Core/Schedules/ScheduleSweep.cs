using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Api;
using Strata.Definitions;
using Strata.Runs;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Schedules;

/// <summary>
/// Starts what is due, in every host the same way: <c>strata serve</c> calls <see cref="RunAsync"/>
/// on a loop, the Functions app from a timer. One pass, per pipeline:
/// <list type="number">
/// <item>a pipeline with a <c>schedule:</c> whose next slot has come is started once (trigger
/// <c>schedule</c>). However many slots were missed while nothing swept — downtime, a stopped
/// server — they are caught up by that one run, which builds whatever is stale; the next slot is
/// the first one after now. A schedule first seen (or changed) counts from then: past slots do not fire;</item>
/// <item>otherwise, a pipeline left dirty with no run holding it is started (trigger <c>sweep</c>): data
/// that landed while the last run was ending, or whose run crashed, is not left waiting for the next landing.</item>
/// </list>
/// A pipeline without a schedule is never started by the first rule. Slots are claimed with a
/// conditional write before the start and confirmed after it, so sweepers in several processes
/// start a slot once, and a sweeper that dies between claim and start leaves a claim the next
/// sweep takes up after <see cref="ScheduleOptions.ClaimTimeout"/>.
/// </summary>
public sealed partial class ScheduleSweep
{
    private const int MissedCountCap = 1000;
    private readonly PipelineCatalog _catalog;
    private readonly ScheduleStore _schedules;
    private readonly PipelineStateStore _states;
    private readonly ScheduleOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduleSweep> _log;

    public ScheduleSweep(PipelineCatalog catalog, ScheduleStore schedules, PipelineStateStore states, IOptions<ScheduleOptions> options, TimeProvider time, ILogger<ScheduleSweep> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _catalog = catalog;
        _schedules = schedules;
        _states = states;
        _options = options.Value;
        _time = time;
        _log = log;
    }

    /// <summary>
    /// One sweep over every pipeline; starts go through <paramref name="launcher"/>. A pipeline that
    /// fails (storage, the launcher) does not stop the others; the failures are thrown together at the end.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledStart>> RunAsync(IRunLauncher launcher, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        var starts = new List<ScheduledStart>();
        var failures = new List<Exception>();
        foreach (var pipeline in _catalog.Pipelines)
        {
            try
            {
                var start = (pipeline.Schedule is { } schedule ? await SweepScheduleAsync(pipeline.Name, schedule, launcher, ct) : null)
                    ?? await SweepDirtyAsync(pipeline.Name, launcher, ct);
                if (start is not null)
                {
                    starts.Add(start);
                    LogStarted(start.Pipeline, start.Trigger, start.Slot, start.MissedSlots, start.Started);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(pipeline.Name, e.Message);
                failures.Add(e);
            }
        }

        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        return failures.Count > 1 ? throw new AggregateException("the schedule sweep failed for several pipelines", failures) : starts;
    }

    private async Task<ScheduledStart?> SweepScheduleAsync(string pipeline, CronSchedule schedule, IRunLauncher launcher, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var row = await _schedules.GetAsync(pipeline, ct);
        if (row is null || row.Cron != schedule.Text)
        {
            // A new or changed schedule counts from now: slots before anyone saw it do not fire.
            await _schedules.TrySaveAsync(new ScheduleState(pipeline, schedule.Text, schedule.NextAfter(now))
            {
                LastSlot = row?.LastSlot,
                LastStartedAt = row?.LastStartedAt,
                ETag = row?.ETag,
            }, ct);
            return null;
        }

        if (row.PendingSlot is not null)
        {
            // Claimed by a sweeper that has not confirmed its start: wait for it, unless it has had far too long.
            return now - row.PendingSince >= _options.ClaimTimeout && await _schedules.TrySaveAsync(row with { PendingSince = now }, ct) is { } orphaned
                ? await StartClaimedAsync(orphaned, 1, recovered: true, launcher, ct)
                : null;
        }

        if (row.NextDue is not { } due || now < due)
        {
            return null;
        }

        var slot = schedule.LastAtOrBefore(now) ?? due;
        var state = await _states.GetAsync(pipeline, ct);
        var claim = row with { NextDue = schedule.NextAfter(now), PendingSlot = slot, PendingSince = now, PendingRunCounter = state.RunCounter };
        return await _schedules.TrySaveAsync(claim, ct) is { } claimed
            ? await StartClaimedAsync(claimed, schedule.CountBetween(due, slot, MissedCountCap), recovered: false, launcher, ct)
            : null; // Another sweeper claimed this slot first.
    }

    private async Task<ScheduledStart> StartClaimedAsync(ScheduleState claim, int missed, bool recovered, IRunLauncher launcher, CancellationToken ct)
    {
        // A claim taken up from a dead sweeper whose run did start (the run counter moved past it) is only confirmed.
        var ran = recovered && (await _states.GetAsync(claim.Pipeline, ct)).RunCounter > claim.PendingRunCounter;
        var launch = ran ? null : await launcher.StartAsync(new RunRequest(claim.Pipeline, Trigger: "schedule"), ct);
        var confirmed = claim with { LastSlot = claim.PendingSlot, LastStartedAt = _time.GetUtcNow(), PendingSlot = null, PendingSince = null };
        if (await _schedules.TrySaveAsync(confirmed, ct) is null)
        {
            LogConfirmLost(claim.Pipeline, claim.PendingSlot);
        }

        return new ScheduledStart(claim.Pipeline, "schedule", claim.PendingSlot, missed, launch?.InstanceId, launch?.Started ?? false);
    }

    private async Task<ScheduledStart?> SweepDirtyAsync(string pipeline, IRunLauncher launcher, CancellationToken ct)
    {
        var state = await _states.GetAsync(pipeline, ct);
        if (!state.Dirty || state.IsHeldAt(_time.GetUtcNow()))
        {
            return null;
        }

        // Between a run's end and its continue-as-new nobody holds the lease, yet the host's instance
        // is still going and will clear the flag itself: only a pipeline nothing is running is orphaned.
        if (await launcher.GetAsync(InstanceIds.ForPipeline(pipeline), ct) is { RuntimeStatus: "Pending" or "Running" or "ContinuedAsNew" or "Suspended" })
        {
            return null;
        }

        var launch = await launcher.StartAsync(new RunRequest(pipeline, Trigger: "sweep"), ct);
        return new ScheduledStart(pipeline, "sweep", null, 0, launch.InstanceId, launch.Started);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Started {Pipeline} ({Trigger}, slot {Slot}, slots caught up {Missed}; new run: {Started})")]
    private partial void LogStarted(string pipeline, string trigger, DateTimeOffset? slot, int missed, bool started);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "The schedule sweep of {Pipeline} failed; the next sweep tries again: {Error}")]
    private partial void LogFailed(string pipeline, string error);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "The start of {Pipeline}'s slot {Slot} could not be confirmed (another sweeper changed the schedule row); it may be started once more")]
    private partial void LogConfirmLost(string pipeline, DateTimeOffset? slot);
}
