using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Api;
using Strata.Schedules;

namespace Strata.Cli.Serve;

/// <summary>
/// The local stand-in for the Functions app's schedule timer: every <see cref="ScheduleOptions.SweepInterval"/>
/// on the host's clock, starts the pipelines whose schedule is due and those left dirty with no run
/// holding them — the core's <see cref="ScheduleSweep"/>, the same call the timer function makes.
/// </summary>
internal sealed partial class ScheduleLoop(ScheduleSweep sweep, IRunLauncher launcher, TimeSpan interval, TimeProvider time, ILogger<ScheduleLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await sweep.RunAsync(launcher, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Schedule sweep failed, retrying at the next tick: {Error}")]
    private partial void LogSweepFailed(string error);
}
