using System.Globalization;
using Parquet;
using Parquet.Schema;
using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Load.Writing;
using Strata.Parquet;

namespace Strata.Load;

/// <summary>
/// Assembles one load partition from its fragments (in the order given, normally landing order)
/// into one Parquet file. The schema is the <see cref="SchemaMerger"/> merge of the fragments'
/// schemas; a fragment's missing columns are null and its values are widened to the merged types.
/// Streams one row group at a time, so memory is one row group per column, whatever the sizes.
/// <list type="bullet">
/// <item>One fragment: its bytes are copied as they are, and its output hash is taken from its
/// footer (<c>strata.output_hash</c>, written by the parser), else from the caller, else computed.
/// Local files are copied by the file system (<see cref="File.Copy(string, string, bool)"/>: the
/// kernel moves the bytes, as storage copies a blob server-side), never through this process; the
/// copy is a file of its own, so the fragment can go on to be reused or deleted.</item>
/// <item>Several: row groups are rewritten in fragment order and the hash computed while writing.</item>
/// <item>A merged decimal whose scale grew must still hold every value in 18 digits; the row-group
/// statistics prove it, and when they cannot the column becomes double. So the returned schema can
/// be wider than the merge, and it is what the file holds.</item>
/// </list>
/// </summary>
public static class PartitionAssembler
{
    /// <summary>Assembles local fragment files into <paramref name="outputPath"/> with default options.</summary>
    public static Task<PartitionAssembly> AssembleAsync(IReadOnlyList<string> fragmentPaths, IReadOnlyList<string>? fragmentHashes, string outputPath, CancellationToken ct) =>
        AssembleAsync(fragmentPaths, fragmentHashes, outputPath, new LoadEngineOptions(), ct);

    /// <summary>Assembles local fragment files into <paramref name="outputPath"/>.</summary>
    public static async Task<PartitionAssembly> AssembleAsync(IReadOnlyList<string> fragmentPaths, IReadOnlyList<string>? fragmentHashes, string outputPath, LoadEngineOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fragmentPaths);
        if (fragmentPaths.Count == 1)
        {
            return await CopyFileAsync(fragmentPaths[0], fragmentHashes is { Count: > 0 } ? fragmentHashes[0] : null, outputPath, ct);
        }

        var streams = new List<Stream>();
        try
        {
            foreach (var path in fragmentPaths)
            {
                streams.Add(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
            }

            await using var output = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            return await AssembleAsync(streams, fragmentHashes, output, options, ct);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>Assembles fragments (readable, seekable streams, left open) into <paramref name="output"/> (writable).</summary>
    /// <param name="fragments">The fragments in order; at least one.</param>
    /// <param name="fragmentHashes">Their output hashes if known (used only for a single fragment without a hash in its footer).</param>
    /// <param name="output">Where the partition file is written.</param>
    /// <param name="options">Compression.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<PartitionAssembly> AssembleAsync(IReadOnlyList<Stream> fragments, IReadOnlyList<string>? fragmentHashes, Stream output, LoadEngineOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        if (fragments.Count == 0)
        {
            throw new ArgumentException("a partition needs at least one fragment", nameof(fragments));
        }

        return fragments.Count == 1
            ? await CopyAsync(fragments[0], fragmentHashes is { Count: > 0 } ? fragmentHashes[0] : null, output, ct)
            : await MergeAsync(fragments, output, options, ct);
    }

    private static async Task<PartitionAssembly> CopyFileAsync(string fragmentPath, string? knownHash, string outputPath, CancellationToken ct)
    {
        PartitionAssembly assembly;
        await using (var fragment = new FileStream(fragmentPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12))
        {
            assembly = await DescribeAsync(fragment, knownHash, ct);
        }

        File.Copy(fragmentPath, outputPath, overwrite: true);
        return assembly;
    }

    private static async Task<PartitionAssembly> CopyAsync(Stream fragment, string? knownHash, Stream output, CancellationToken ct)
    {
        var start = fragment.Position;
        var assembly = await DescribeAsync(fragment, knownHash, ct);
        fragment.Position = start;
        await fragment.CopyToAsync(output, ct);
        return assembly;
    }

    /// <summary>What a single fragment holds, from its footer (its rows are hashed only when neither the footer nor the caller knows the hash).</summary>
    private static async Task<PartitionAssembly> DescribeAsync(Stream fragment, string? knownHash, CancellationToken ct)
    {
        var start = fragment.Position;
        SourceSchema schema;
        string? hash;
        long rows;
        Quality.Profiles.WrittenProfile? profile;
        await using (var reader = await ParquetReader.CreateAsync(fragment, ParquetColumns.ReaderOptions(), leaveStreamOpen: true, ct))
        {
            schema = SchemaOf(reader);
            rows = reader.RowGroups.Sum(g => g.RowCount);
            hash = reader.CustomMetadata.GetValueOrDefault(PartitionBuffer.OutputHashKey) ?? knownHash;
            profile = Quality.Profiles.ProfileAccumulator.ReadFrom(reader.CustomMetadata);
        }

        if (hash is null)
        {
            fragment.Position = start;
            hash = (await OutputHasher.HashAsync(fragment, ct)).Hash.ToHex();
        }

        return new PartitionAssembly(schema, rows, hash, Copied: true) { Profile = profile };
    }

    private static async Task<PartitionAssembly> MergeAsync(IReadOnlyList<Stream> fragments, Stream output, LoadEngineOptions options, CancellationToken ct)
    {
        var readers = new List<ParquetReader>();
        try
        {
            foreach (var fragment in fragments)
            {
                readers.Add(await ParquetReader.CreateAsync(fragment, ParquetColumns.ReaderOptions(), leaveStreamOpen: true, ct));
            }

            var fields = readers.Select(r => ParquetColumns.FlatFields(r.Schema, "fragment")).ToList();
            var merged = readers.Aggregate(SourceSchema.Empty, (schema, r) => SchemaMerger.Merge(schema, SchemaOf(r)).Schema);
            merged = ProveDecimals(merged, readers, fields);
            var parquetSchema = ParquetColumns.Schema(merged);
            var outFields = parquetSchema.DataFields;
            var hasher = new RowHasher([.. merged.Columns.Select(c => c.Name)]);
            var hash = default(RowSetHash);
            var targets = merged.Columns.Select(c => ParquetColumns.CreateVector(c.Type, 1024)).ToArray();
            var profile = Quality.Profiles.ProfileAccumulator.ForMerge(merged, readers.Select(r => r.CustomMetadata));
            await using (var writer = await ParquetWriter.CreateAsync(parquetSchema, output, ParquetColumns.WriterOptions(options), append: false, ct))
            {
                for (var f = 0; f < readers.Count; f++)
                {
                    var sourceVectors = fields[f].Select(d => ParquetColumns.CreateVector(d, 1024)).ToArray();
                    // A name index, not a scan per column: a 20,000-column fragment would cost 4·10⁸ comparisons.
                    var byName = fields[f].Select((d, i) => (d.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
                    var map = merged.Columns.Select(c => byName.GetValueOrDefault(c.Name, -1)).ToArray();
                    for (var g = 0; g < readers[f].RowGroupCount; g++)
                    {
                        using var group = readers[f].OpenRowGroupReader(g);
                        var rows = checked((int)group.RowCount);
                        var columns = new ColumnVector[merged.Columns.Count];
                        for (var c = 0; c < columns.Length; c++)
                        {
                            columns[c] = await ColumnForAsync(group, merged.Columns[c], map[c] < 0 ? null : fields[f][map[c]], map[c] < 0 ? null : sourceVectors[map[c]], targets[c], rows, ct);
                        }

                        using (var rowGroup = writer.CreateRowGroup())
                        {
                            for (var c = 0; c < columns.Length; c++)
                            {
                                await columns[c].WriteAsync(rowGroup, outFields[c], ct);
                            }
                        }

                        hasher.AddRows(columns, ref hash);
                        profile?.Add(columns);
                    }
                }

                writer.CustomMetadata = Quality.Profiles.ProfileAccumulator.AddTo(PartitionBuffer.FooterMetadata(merged, hash.ToHex(), hash.Count), profile);
            }

            return new PartitionAssembly(merged, hash.Count, hash.ToHex(), Copied: false) { Profile = profile?.ToProfile() };
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }

    /// <summary>The column to write for one merged column of one row group: the fragment's own vector when the type matches, else a widened copy or nulls.</summary>
    private static async Task<ColumnVector> ColumnForAsync(ParquetRowGroupReader group, SchemaColumn column, DataField? field, ColumnVector? source, ColumnVector target, int rows, CancellationToken ct)
    {
        target.Clear();
        if (field is null || source is null)
        {
            target.AppendNulls(rows);
            return target;
        }

        await source.ReadAsync(group, field, rows, ct);
        var (type, scale) = ParquetColumns.TypeOf(field);
        if (type == column.Type && (type != ColumnType.Decimal || scale == column.Scale) && source.ValueType == target.ValueType)
        {
            return source;
        }

        ValueWidener.Widen(source, target, column.Type);
        return target;
    }

    /// <summary>Keeps a merged decimal only where row-group statistics show every value fits 18 digits at the merged scale.</summary>
    private static SourceSchema ProveDecimals(SourceSchema merged, List<ParquetReader> readers, List<DataField[]> fields)
    {
        var columns = merged.Columns.ToList();
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            if (column.Type != ColumnType.Decimal)
            {
                continue;
            }

            var limit = ValueParserLimit(column.Scale);
            for (var f = 0; f < readers.Count && columns[c].Type == ColumnType.Decimal; f++)
            {
                var field = fields[f].FirstOrDefault(d => d.Name == column.Name);
                if (field is null || ParquetColumns.TypeOf(field) == (ColumnType.Decimal, column.Scale))
                {
                    continue; // already at the merged scale: fits by construction
                }

                for (var g = 0; g < readers[f].RowGroupCount; g++)
                {
                    using var group = readers[f].OpenRowGroupReader(g);
                    var stats = group.GetStatistics(field);
                    if (stats?.MinValue is null || stats.MaxValue is null ||
                        Math.Abs(System.Convert.ToDecimal(stats.MinValue, CultureInfo.InvariantCulture)) >= limit ||
                        Math.Abs(System.Convert.ToDecimal(stats.MaxValue, CultureInfo.InvariantCulture)) >= limit)
                    {
                        columns[c] = column with { Type = ColumnType.Double, Scale = 0 };
                        break;
                    }
                }
            }
        }

        return new SourceSchema(columns);
    }

    /// <summary>The smallest magnitude that does not fit decimal(18, scale): 10^(18 − scale).</summary>
    private static decimal ValueParserLimit(int scale) => (decimal)Schema.ValueParser.Pow10(SchemaColumn.DecimalPrecision - scale);

    /// <summary>A fragment's schema: as the parser recorded it in the footer, else read from the Parquet types.</summary>
    internal static SourceSchema SchemaOf(ParquetReader reader)
    {
        if (reader.CustomMetadata.GetValueOrDefault(PartitionBuffer.SchemaKey) is { } json &&
            System.Text.Json.JsonSerializer.Deserialize<SourceSchema>(json, StrataJson.Options) is { } recorded)
        {
            return recorded;
        }

        return new([.. ParquetColumns.FlatFields(reader.Schema, "fragment").Select(f =>
        {
            var (type, scale) = ParquetColumns.TypeOf(f);
            return new SchemaColumn(f.Name, type, scale, Nullable: true);
        })]);
    }
}
