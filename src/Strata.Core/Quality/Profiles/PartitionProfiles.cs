using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Strata.Quality.Profiles;

/// <summary>
/// The one call a build activity makes once its partitions have committed new rows: store the profile gathered
/// while its file was written (load partitions, see <see cref="ProfileAccumulator"/>), or else
/// profile the Parquet file it just wrote (still local) — SQL datasets, whose file DuckDB's COPY
/// writes, and load partitions whose file was rewritten after assembly (widened to the source's
/// types, merged by an upsert key, or passed through expectations). A profile that cannot be made or stored is
/// logged and skipped, never a failed build: the partition is committed and good, and the next
/// build of it profiles again. Drift then simply has one partition less of history.
/// </summary>
public sealed partial class PartitionProfiles(PartitionProfiler profiler, ProfileStore store, IOptions<ProfileOptions> options, TimeProvider time, ILogger<PartitionProfiles> log)
{
    /// <summary>What the load writer profiles with: the options, or null when profiles are off.</summary>
    public ProfileOptions? WhileWriting => options.Value.Enabled ? options.Value : null;

    /// <summary>Profiles a batch's committed partitions and stores them together (see <see cref="ProfileStore.SaveAllAsync"/>).</summary>
    public async Task RecordAllAsync(IReadOnlyList<Built> builds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(builds);
        if (!options.Value.Enabled || builds.Count == 0)
        {
            return;
        }

        var made = await Task.Run(() => Make(builds, ct), ct);

        try
        {
            await store.SaveAllAsync(made, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogProfileFailed(builds[0].Dataset, $"{made.Count} partition(s)", e.Message);
        }
    }

    /// <summary>Each build's profile: the written one, else read from its file, all the batch's files together on one DuckDB connection opened only if needed.</summary>
    private List<PartitionProfile> Make(IReadOnlyList<Built> builds, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        var made = builds.Where(b => b.Written is not null).Select(b => b.Written!.For(b.Dataset, b.Partition, b.RunId, at)).ToList();
        var unwritten = builds.Where(b => b.Written is null).Select(b => new ProfileTarget(b.Dataset, b.Partition, b.RunId, b.ParquetFile)).ToList();
        if (unwritten.Count == 0)
        {
            return made;
        }

        IReadOnlyList<ProfileOutcome> outcomes;
        try
        {
            using var connection = PartitionProfiler.Open();
            outcomes = profiler.ProfileAll(connection, unwritten, at, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcomes = [.. unwritten.Select(t => new ProfileOutcome(t, null, e))];
        }

        foreach (var outcome in outcomes)
        {
            if (outcome.Profile is not null)
            {
                made.Add(outcome.Profile);
            }
            else
            {
                LogProfileFailed(outcome.Target.Dataset, outcome.Target.Partition, outcome.Error?.Message ?? "no profile");
            }
        }

        return made;
    }

    /// <summary>A committed partition to profile: its file on local disk, and the profile its writer gathered, if any.</summary>
    public sealed record Built(string Dataset, string Partition, string RunId, string ParquetFile, WrittenProfile? Written);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Profiling {Dataset} {Partition} failed (the partition is committed; semantic drift skips it): {Error}")]
    private partial void LogProfileFailed(string dataset, string partition, string error);
}
