using Strata.Quality.Profiles;

namespace Strata.Activities;

/// <summary>
/// Stores the profiles of the partitions a batch committed with new rows: the one gathered while
/// the output was written when there is one, else made from the Parquet file still on local disk
/// (no second read of inputs); a rebuild with unchanged rows keeps its earlier profile.
/// </summary>
internal static class BuiltProfiles
{
    public static async Task RecordAsync(PartitionProfiles profiles, IReadOnlyList<PreparedBuild> won, CancellationToken ct)
    {
        foreach (var build in won.Where(w => w.Previous?.OutputHash != w.Record.OutputHash))
        {
            await profiles.RecordAsync(build.Record.Dataset, build.Record.Partition, build.Record.RunId, build.Files[0].Local, build.Profile, ct);
        }
    }
}
