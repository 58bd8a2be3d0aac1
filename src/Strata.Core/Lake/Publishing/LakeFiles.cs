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

    /// <summary>As <see cref="DescribeAsync"/>, plus the load schema a load file's footer records (what the assembler would take from it).</summary>
    public static async Task<(long Size, DeltaSchema Columns, Load.Schema.SourceSchema Schema, IReadOnlyDictionary<string, string> Footer)> DescribeLoadFileAsync(string localPath, string where, CancellationToken ct)
    {
        await using var stream = File.OpenRead(localPath);
        await using var reader = await ParquetReader.CreateAsync(stream, ParquetColumns.ReaderOptions(), leaveStreamOpen: true, ct);
        return (stream.Length, DeltaSchema.FromParquet(reader.Schema, where), Load.PartitionAssembler.SchemaOf(reader), reader.CustomMetadata);
    }

    /// <summary>Reads only the footer (seeks to it), so on a blob stream it costs a few ranged reads.</summary>
    public static async Task<DeltaSchema> ColumnsAsync(Stream parquet, string where, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(parquet, ParquetColumns.ReaderOptions(), leaveStreamOpen: true, ct);
        return DeltaSchema.FromParquet(reader.Schema, where);
    }
}
