using Microsoft.Extensions.Options;
using Parquet;
using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Fragments;
using Strata.Load;
using Strata.Load.Schema;
using Strata.Load.Writing;
using Strata.Parquet;
using Strata.Planning;
using Strata.Storage;
using Strata.Transform;

namespace Strata.Modes;

/// <summary>
/// What building a load partition needs from its source's mode: which fragments count (see
/// <see cref="EffectiveFragments"/>) and how they become the partition file — assembled as they
/// are (append, replace, snapshot), merged to the latest row per key (upsert, see
/// <see cref="UpsertMerge"/>), or, with no fragment left, an empty file with the source's current
/// columns: a partition that no file in effect has rows for any more is committed with 0 rows, so
/// readers, downstream datasets and the table log all follow one committed row per partition.
/// </summary>
public sealed class SourceModes(FragmentStore fragments, SupersessionStore supersession, IOptions<TransformOptions> transform)
{
    /// <summary>The fragments the given partitions are built from now, read once for all of them (see <see cref="FragmentSelection"/>).</summary>
    internal FragmentSelection FragmentsOf(SourceDefinition source, string specHash, IReadOnlyCollection<string> partitions)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FragmentSelection(source, specHash, fragments, supersession, partitions);
    }

    /// <summary>Writes the partition file from local fragment files (in landing order) into <paramref name="output"/>.</summary>
    /// <param name="source">The source.</param>
    /// <param name="fragmentFiles">The fragments, downloaded.</param>
    /// <param name="fragmentHashes">Their output hashes.</param>
    /// <param name="current">The source's current schema: the columns of an empty partition.</param>
    /// <param name="temp">A folder for intermediate files.</param>
    /// <param name="output">The partition file to write.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<PartitionAssembly> AssembleAsync(
        SourceDefinition source, IReadOnlyList<string> fragmentFiles, IReadOnlyList<string> fragmentHashes, SourceSchema current, TempFolder temp, string output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fragmentFiles);
        ArgumentNullException.ThrowIfNull(temp);
        if (fragmentFiles.Count == 0)
        {
            return await WriteEmptyAsync(source, current, output, ct);
        }

        if (source.Upsert is not { } rule)
        {
            return await PartitionAssembler.AssembleAsync(fragmentFiles, fragmentHashes, output, ct);
        }

        var assembled = temp.File("assembled.parquet");
        var all = await PartitionAssembler.AssembleAsync(fragmentFiles, fragmentHashes, assembled, ct);
        var rows = UpsertMerge.Run(rule, all.Schema, assembled, output, transform.Value);
        await using var file = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return new PartitionAssembly(all.Schema, rows, await OutputHasher.HashParquetAsync(file, ct), Copied: false);
    }

    /// <summary>A partition file with no rows: the given columns, no row group.</summary>
    private static async Task<PartitionAssembly> WriteEmptyAsync(SourceDefinition source, SourceSchema schema, string output, CancellationToken ct)
    {
        if (schema.Columns.Count == 0)
        {
            throw new InvalidOperationException($"source '{source.Name}' has no schema yet, so an empty partition has no columns to write");
        }

        var hash = default(RowSetHash).ToHex();
        await using var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (var writer = await ParquetWriter.CreateAsync(ParquetColumns.Schema(schema), stream, ParquetColumns.WriterOptions(new LoadEngineOptions()), append: false, ct))
        {
            writer.CustomMetadata = PartitionBuffer.FooterMetadata(schema, hash, 0);
        }

        return new PartitionAssembly(schema, 0, hash, Copied: false);
    }
}
