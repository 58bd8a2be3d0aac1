using Azure.Storage.Blobs.Models;
using Parquet;
using Parquet.Schema;
using Strata.Definitions;
using Strata.Parquet;
using Strata.Partitions;
using Strata.Storage;

namespace Strata.Lineage.OpenLineage;

/// <summary>
/// The columns of a dataset as a step left them, read from the footer of a partition it committed
/// (a few ranged reads, never the rows): the same path for a load source and a SQL output, and
/// exactly the types a reader of the lake sees.
/// </summary>
public sealed class DatasetSchemas(PipelineCatalog catalog, PartitionStore partitions, LakeStorage storage)
{
    private static readonly Dictionary<Type, string> s_names = new()
    {
        [typeof(bool)] = "boolean",
        [typeof(long)] = "int64",
        [typeof(int)] = "int32",
        [typeof(short)] = "int16",
        [typeof(sbyte)] = "int8",
        [typeof(ulong)] = "uint64",
        [typeof(uint)] = "uint32",
        [typeof(ushort)] = "uint16",
        [typeof(byte)] = "uint8",
        [typeof(double)] = "double",
        [typeof(float)] = "float",
        [typeof(DateOnly)] = "date",
        [typeof(DateTime)] = "timestamp",
        [typeof(DateTimeOffset)] = "timestamp",
        [typeof(TimeSpan)] = "time",
        [typeof(TimeOnly)] = "time",
        [typeof(byte[])] = "binary",
        [typeof(Guid)] = "uuid",
    };

    /// <summary>The columns of <paramref name="dataset"/>'s committed <paramref name="partition"/>; empty when it is not committed.</summary>
    public async Task<IReadOnlyList<SchemaField>> ReadAsync(string dataset, string partition, CancellationToken ct)
    {
        if (await partitions.GetAsync(dataset, partition, ct) is not { } record)
        {
            return [];
        }

        var blob = storage.Container(LakeContainers.ForOutput(catalog, dataset)).GetBlobClient(record.OutputPath);
        // Small ranges: the footer and the magic bytes are all the reader needs, however large the file.
        await using var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = 64 * 1024 }, ct);
        await using var reader = await ParquetReader.CreateAsync(stream, ParquetColumns.ReaderOptions(), leaveStreamOpen: false, ct);
        return reader.Schema.Fields.Select(f => new SchemaField(f.Name, TypeName(f))).ToList();
    }

    /// <summary>Strata's type words (<c>int64</c>, <c>decimal(18,2)</c>, <c>timestamp</c>...); nested columns by kind (<c>list</c>, <c>struct</c>, <c>map</c>).</summary>
    public static string TypeName(Field field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field is DecimalDataField dec)
        {
            return $"decimal({dec.Precision},{dec.Scale})";
        }

        if (field is not DataField { IsArray: false } data)
        {
            return field.SchemaType.ToString().ToLowerInvariant();
        }

        return s_names.GetValueOrDefault(data.ClrType, "string");
    }
}
