using Strata.Quality.Profiles;
using Strata.Storage;

namespace Strata.Activities;

/// <summary>
/// Stores the profiles of the partitions a batch committed with new rows: the one gathered while
/// the output was written when there is one, else made from the Parquet file still on local disk
/// (no second read of inputs); a rebuild with unchanged rows keeps its earlier profile.
/// </summary>
internal static class BuiltProfiles
{
    /// <param name="profiles">The profiles.</param>
    /// <param name="storage">
    /// Where a load partition that was copied in storage and never downloaded (see
    /// <see cref="LoadPartitionBuild"/>) and has no profile from its parse (a fragment parsed before
    /// profiles were recorded, or one whose profile is too long for its row) is fetched from for its
    /// profile, all of the batch's in parallel; null when profiles are off (nothing is fetched).
    /// </param>
    /// <param name="won">The builds that committed.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task RecordAsync(PartitionProfiles profiles, LakeStorage? storage, IReadOnlyList<PreparedBuild> won, CancellationToken ct)
    {
        using var timing = BuildStages.Time("profiles");
        var changed = won.Where(w => w.Previous?.OutputHash != w.Record.OutputHash).ToList();
        if (storage is not null)
        {
            var copied = changed.Where(w => w.Profile is null && w.SameBytesAs is not null && !File.Exists(w.Files[0].Local));
            await Parallel.ForEachAsync(copied, new ParallelOptions { MaxDegreeOfParallelism = PartitionBatch.Transfers, CancellationToken = ct },
                async (w, token) => await BlobFiles.DownloadAsync(storage.Container(w.Container), w.Files[0].Blob, w.Files[0].Local, token));
        }

        await profiles.RecordAllAsync(
            [.. changed.Where(w => w.Profile is not null || File.Exists(w.Files[0].Local))
                .Select(w => new PartitionProfiles.Built(w.Record.Dataset, w.Record.Partition, w.Record.RunId, w.Files[0].Local, w.Profile))],
            ct);
    }
}
