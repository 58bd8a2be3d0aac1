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
        PartitionRecord? previous, string localParquet, long rows, CancellationToken ct) =>
        await store.RecordAsync(await DescribeAsync(dataset, partition, container, run, path, extras, previous, localParquet, rows, ct), ct);

    /// <summary>
    /// What <see cref="ExpectAsync"/> records, without recording it: a build of many partitions
    /// describes each file (a file the table cannot hold fails that partition alone) and records
    /// them together with <see cref="ExpectManyAsync"/>, still before any upload.
    /// </summary>
    public async Task<PendingOutput> DescribeAsync(
        string dataset, string partition, string container, long run, string path, IReadOnlyList<string> extras,
        PartitionRecord? previous, string localParquet, long rows, CancellationToken ct)
    {
        var (size, columns) = await LakeFiles.DescribeAsync(localParquet, $"{container}/{dataset} partition {partition}", ct);
        return Describe(dataset, partition, container, run, path, extras, previous, size, columns, rows);
    }

    /// <summary>
    /// As <see cref="DescribeAsync"/>, for a file that is not on local disk: its size and columns
    /// known from when its bytes were written (a load partition that is a copy of its one fragment,
    /// whose facts the parse recorded).
    /// </summary>
    public PendingOutput Describe(
        string dataset, string partition, string container, long run, string path, IReadOnlyList<string> extras,
        PartitionRecord? previous, long size, Delta.DeltaSchema columns, long rows)
    {
        return new PendingOutput
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
        };
    }

    /// <summary>Records files described by <see cref="DescribeAsync"/> (all of one dataset), in entity-group transactions.</summary>
    public Task ExpectManyAsync(IReadOnlyList<PendingOutput> outputs, CancellationToken ct) => store.RecordManyAsync(outputs, ct);
}
