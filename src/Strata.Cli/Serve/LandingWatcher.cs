using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Api;
using Strata.Land;
using Strata.Storage;
using Strata.Workflow.Contracts;

namespace Strata.Cli.Serve;

/// <summary>
/// The local stand-in for the Event Grid blob trigger: polls the landing container, lands each
/// new blob, and starts (or marks dirty) the run of its pipeline — the same rules the Functions
/// app's Land function follows. Blobs nobody owns, and names that cannot be landed, are reported once, not on every poll.
/// </summary>
internal sealed partial class LandingWatcher(LakeStorage storage, Lander lander, IRunLauncher launcher, TimeSpan interval, ILogger<LandingWatcher> log) : BackgroundService
{
    private readonly HashSet<string> _unowned = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var landing = storage.Container(LakeContainers.Landing);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await SweepOnceAsync(landing, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SweepOnceAsync(Azure.Storage.Blobs.BlobContainerClient landing, CancellationToken ct)
    {
        var pipelines = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var blob in landing.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, ct))
        {
            if (_unowned.Contains(blob.Name))
            {
                continue;
            }

            var result = await lander.LandAsync(blob.Name, ct);
            if (result.Outcome is LandOutcome.Unowned or LandOutcome.Rejected)
            {
                _unowned.Add(blob.Name);
            }
            else if (result.Outcome == LandOutcome.Landed && result.Pipeline is not null)
            {
                pipelines.Add(result.Pipeline);
            }
        }

        foreach (var pipeline in pipelines)
        {
            var launch = await launcher.StartAsync(new RunRequest(pipeline, Trigger: "landing"), ct);
            LogScheduled(pipeline, launch.InstanceId, launch.Started);
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "New data for {Pipeline}: instance {InstanceId} (started: {Started}; otherwise it continues as new)")]
    private partial void LogScheduled(string pipeline, string instanceId, bool started);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Landing sweep failed, retrying at the next tick: {Error}")]
    private partial void LogSweepFailed(string error);
}
