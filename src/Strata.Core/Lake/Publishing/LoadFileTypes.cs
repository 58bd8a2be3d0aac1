using Parquet;
using Strata.Definitions;
using Strata.Lake.Delta;
using Strata.Load;
using Strata.Load.Schema;
using Strata.Parquet;

namespace Strata.Lake.Publishing;

/// <summary>
/// Widens a load partition file to the types its source has reached, the way load itself widens
/// (<c>ValueWidener</c>: decimals from integers, doubles, timestamps from dates, canonical text),
/// by assembling the file together with an empty "carrier" file whose columns have the target
/// types: the assembler's merge does the rest and computes the output hash while writing.
/// </summary>
internal static class LoadFileTypes
{
    /// <summary>Each column of <paramref name="file"/> at the join of its type and <paramref name="target"/>'s; null when that changes nothing.</summary>
    public static SourceSchema? Widened(SourceSchema file, SourceSchema target)
    {
        var changed = false;
        var columns = file.Columns.Select(c =>
        {
            if (target.Find(c.Name) is not { } t)
            {
                return c;
            }

            var (type, scale) = TypeLattice.Join(c.Type, c.Scale, t.Type, t.Scale);
            changed |= type != c.Type || scale != c.Scale;
            return c with { Type = type, Scale = scale };
        }).ToList();
        return changed ? new SourceSchema(columns) : null;
    }

    /// <summary>The load types of a table's columns (a load table holds only those).</summary>
    public static SourceSchema FromDelta(DeltaSchema columns, string where) =>
        new([.. columns.Columns.Select(c => new SchemaColumn(c.Name, ColumnTypeOf(c.Type, where, c.Name), c.Type.Name == "decimal" ? c.Type.Scale : 0, Nullable: true))]);

    /// <summary>Writes <paramref name="input"/> to <paramref name="output"/> with its columns at the types of <paramref name="to"/>.</summary>
    public static async Task<PartitionAssembly> WidenAsync(string input, SourceSchema to, string output, LoadEngineOptions options, CancellationToken ct)
    {
        var carrier = output + ".carrier.parquet";
        await using (var stream = File.Create(carrier))
        {
            await using var writer = await ParquetWriter.CreateAsync(ParquetColumns.Schema(to), stream, ParquetColumns.WriterOptions(options), append: false, ct);
        }

        try
        {
            return await PartitionAssembler.AssembleAsync([input, carrier], null, output, options, ct);
        }
        finally
        {
            File.Delete(carrier);
        }
    }

    private static ColumnType ColumnTypeOf(DeltaType type, string where, string column) => type.Name switch
    {
        "boolean" => ColumnType.Boolean,
        "long" => ColumnType.Int64,
        "decimal" => ColumnType.Decimal,
        "double" => ColumnType.Double,
        "date" => ColumnType.Date,
        "timestamp" => ColumnType.Timestamp,
        "string" => ColumnType.String,
        _ => throw new LakeException($"{where}: column '{column}' is {type}, which load never writes; the table's files were not written by Strata"),
    };
}
