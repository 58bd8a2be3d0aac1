using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Strata.Functions.Runs;
using Strata.Runs;
using Strata.Schedules;

namespace Strata.Functions.Schedules;

/// <summary>
/// Starts due pipelines and sweeps pipelines left dirty, once a minute: the Functions app's side of
/// <see cref="ScheduleSweep"/>, which <c>strata serve</c> runs on its own loop. Cron slots are
/// whole minutes, so a minute timer starts each slot within a minute of its time; the sweep's
/// conditional claims keep two timer firings (scale-out, a retried invocation) from starting a slot twice.
/// </summary>
public sealed class ScheduleFunction(ScheduleSweep sweep, PipelineStateStore states)
{
    /// <summary>NCRONTAB (with seconds) of the timer: second 0 of every minute.</summary>
    public const string EveryMinute = "0 * * * * *";

    [Function("Schedule")]
    public async Task RunAsync([TimerTrigger(EveryMinute)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        await sweep.RunAsync(new DurableRunLauncher(client, states), ct);
    }
}
