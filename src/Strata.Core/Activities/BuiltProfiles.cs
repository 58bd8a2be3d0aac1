using Strata.Quality.Profiles;
using Strata.Storage;

namespace Strata.Activities;

/// <summary>
/// Profiles the partitions a batch committed with new rows, from the Parquet files still on local
/// disk (no second read of inputs); a rebuild with unchanged rows keeps its earlier profile.
/// </summary>
internal static class BuiltProfiles
{
    /// <param name="profiles">The profiles.</param>
    /// <param name="storage">
    /// Where a load partition that was copied in storage and never downloaded (see
    /// <see cref="LoadPartitionBuild"/>) is fetched from for its profile, all of the batch's in
    /// parallel, until profiles come from the writer; null when profiles are off (nothing is fetched).
    /// </param>
    /// <param name="won">The builds that committed.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task RecordAsync(PartitionProfiles profiles, LakeStorage? storage, IReadOnlyList<PreparedBuild> won, CancellationToken ct)
    {
        using var timing = BuildStages.Time("profiles");
        var changed = won.Where(w => w.Previous?.OutputHash != w.Record.OutputHash).ToList();
        if (storage is not null)
        {
            var copied = changed.Where(w => w.SameBytesAs is not null && !File.Exists(w.Files[0].Local));
            await Parallel.ForEachAsync(copied, new ParallelOptions { MaxDegreeOfParallelism = PartitionBatch.Transfers, CancellationToken = ct },
                async (w, token) => await BlobFiles.DownloadAsync(storage.Container(w.Container), w.Files[0].Blob, w.Files[0].Local, token));
        }

        foreach (var build in changed.Where(w => File.Exists(w.Files[0].Local)))
        {
            await profiles.RecordAsync(build.Record.Dataset, build.Record.Partition, build.Record.RunId, build.Files[0].Local, ct);
        }
    }
}
