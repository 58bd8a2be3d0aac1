using Strata.Quality.Profiles;

namespace Strata.Activities;

/// <summary>
/// Profiles the partitions a batch committed with new rows, from the Parquet files still on local
/// disk (no second read of inputs); a rebuild with unchanged rows keeps its earlier profile.
/// </summary>
internal static class BuiltProfiles
{
    public static async Task RecordAsync(PartitionProfiles profiles, IReadOnlyList<PreparedBuild> won, CancellationToken ct)
    {
        foreach (var build in won.Where(w => w.Previous?.OutputHash != w.Record.OutputHash))
        {
            await profiles.RecordAsync(build.Record.Dataset, build.Record.Partition, build.Record.RunId, build.Files[0].Local, ct);
        }
    }
}
