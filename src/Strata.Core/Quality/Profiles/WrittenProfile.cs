namespace Strata.Quality.Profiles;

/// <summary>
/// A profile gathered while a file was written (see <see cref="ProfileAccumulator"/>): what a
/// <see cref="PartitionProfile"/> holds, before it is known for which run it is stored. It travels
/// in the file's own footer (<see cref="ProfileAccumulator.FooterKey"/>), so a partition that is
/// one fragment's bytes has its profile with the bytes.
/// </summary>
/// <param name="Rows">Rows written.</param>
/// <param name="Columns">The profiled columns, in file order.</param>
/// <param name="ColumnsSkipped">Columns past <see cref="ProfileOptions.MaxColumns"/>.</param>
/// <param name="LowCardinality">The value-count limit it was gathered with (a merge of fragments uses the same).</param>
/// <param name="MaxColumns">The column limit it was gathered with.</param>
public sealed record WrittenProfile(long Rows, IReadOnlyList<ColumnProfile> Columns, int ColumnsSkipped, int LowCardinality, int MaxColumns)
{
    /// <summary>The stored form, for the partition and run it was committed in.</summary>
    public PartitionProfile For(string dataset, string partition, string runId, DateTimeOffset at) =>
        new(dataset, partition, Rows, Columns, runId, at) { ColumnsSkipped = ColumnsSkipped };
}
