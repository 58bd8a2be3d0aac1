using Strata.Partitions;

namespace Strata.Lake.Publishing;

/// <summary>
/// What a partition build tells the lake, written once for load and SQL builds: the file it is
/// about to upload, recorded before the upload (see <see cref="PendingOutput"/>).
/// </summary>
public sealed class LakeOutputs(LakeStateStore store, TimeProvider time)
{
    /// <summary>
    /// Records that <paramref name="path"/> (and its <paramref name="extras"/>) of partition
    /// <paramref name="partition"/> is about to be uploaded from <paramref name="localParquet"/>,
    /// replacing what <paramref name="previous"/> points at. Call after the file is complete and
    /// before the upload: no file in a dataset folder is ever unknown to the lake.
    /// </summary>
    public async Task ExpectAsync(
        string dataset, string partition, string container, long run, string path, IReadOnlyList<string> extras,
        PartitionRecord? previous, string localParquet, long rows, CancellationToken ct)
    {
        var (size, columns) = await LakeFiles.DescribeAsync(localParquet, $"{container}/{dataset} partition {partition}", ct);
        await store.RecordAsync(new PendingOutput
        {
            Dataset = dataset,
            Partition = partition,
            Container = container,
            Path = path,
            Extras = extras,
            Size = size,
            Rows = rows,
            Columns = columns,
            PreviousPath = previous?.OutputPath,
            PreviousExtras = previous?.ExtraPaths ?? [],
            Run = run,
            WrittenAt = time.GetUtcNow(),
        }, ct);
    }
}
