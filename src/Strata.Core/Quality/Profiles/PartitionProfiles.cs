using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Strata.Quality.Profiles;

/// <summary>
/// The one call a partition build makes once it has committed new rows: profile the Parquet file
/// it just wrote (still local) and store the profile. A profile that cannot be made or stored is
/// logged and skipped, never a failed build: the partition is committed and good, and the next
/// build of it profiles again. Drift then simply has one partition less of history.
/// </summary>
public sealed partial class PartitionProfiles(PartitionProfiler profiler, ProfileStore store, IOptions<ProfileOptions> options, TimeProvider time, ILogger<PartitionProfiles> log)
{
    public async Task RecordAsync(string dataset, string partition, string runId, string parquetFile, CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            var profile = await Task.Run(() => profiler.Profile(dataset, partition, runId, time.GetUtcNow(), parquetFile), ct);
            await store.SaveAsync(profile, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogProfileFailed(dataset, partition, e.Message);
        }
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Profiling {Dataset} {Partition} failed (the partition is committed; semantic drift skips it): {Error}")]
    private partial void LogProfileFailed(string dataset, string partition, string error);
}
