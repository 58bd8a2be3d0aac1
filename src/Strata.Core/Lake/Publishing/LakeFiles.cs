using Parquet;
using Strata.Lake.Delta;
using Strata.Parquet;

namespace Strata.Lake.Publishing;

/// <summary>What the log needs to know of a Parquet file: its size and its columns, typed exactly.</summary>
internal static class LakeFiles
{
    public static async Task<(long Size, DeltaSchema Columns)> DescribeAsync(string localPath, string where, CancellationToken ct)
    {
        await using var stream = File.OpenRead(localPath);
        return (stream.Length, await ColumnsAsync(stream, where, ct));
    }

    /// <summary>Reads only the footer (seeks to it), so on a blob stream it costs a few ranged reads.</summary>
    public static async Task<DeltaSchema> ColumnsAsync(Stream parquet, string where, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(parquet, ParquetColumns.ReaderOptions(), leaveStreamOpen: true, ct);
        return DeltaSchema.FromParquet(reader.Schema, where);
    }
}
