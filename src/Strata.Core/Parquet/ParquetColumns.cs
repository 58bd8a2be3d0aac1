using Parquet;
using Parquet.Schema;
using Strata.Definitions;
using Strata.Load;
using Strata.Load.Schema;

namespace Strata.Parquet;

/// <summary>
/// How load's logical types are stored in Parquet, written once: every column optional;
/// <c>Int64</c> INT64, <c>Decimal</c> decimal(18, scale) on INT64, <c>Double</c> DOUBLE,
/// <c>Date</c> DATE, <c>Timestamp</c> TIMESTAMP(MICROS, adjusted to UTC), <c>String</c> UTF-8,
/// <c>Boolean</c> BOOLEAN — and the way back, for any Parquet file.
/// </summary>
internal static class ParquetColumns
{
    /// <summary>Options for reading any file; decimals wider than System.Decimal need <paramref name="bigDecimals"/>.</summary>
    public static ParquetOptions ReaderOptions(bool bigDecimals = false) => new()
    {
        UseDateOnlyTypeForDates = true,
        UseBigDecimal = bigDecimals,
    };

    public static ParquetOptions WriterOptions(LoadEngineOptions options) => new()
    {
        CompressionMethod = options.Compression,
        UseDateOnlyTypeForDates = true,

        // Decide on dictionary encoding from a sample instead of scanning every value of every
        // column chunk: high-cardinality columns (ids, tokens of distinct values) skip it early.
        DictionaryEncodingSampleSize = 4096,
    };

    public static ParquetSchema Schema(SourceSchema schema) => new(schema.Columns.Select(Field).ToArray<Field>());

    public static DataField Field(SchemaColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Type switch
        {
            ColumnType.Boolean => new DataField<bool>(column.Name, nullable: true),
            ColumnType.Int64 => new DataField<long>(column.Name, nullable: true),
            ColumnType.Decimal => new DecimalDataField(column.Name, SchemaColumn.DecimalPrecision, column.Scale, forceByteArrayEncoding: false, isNullable: true),
            ColumnType.Double => new DataField<double>(column.Name, nullable: true),
            ColumnType.Date => new DataField<DateOnly>(column.Name, nullable: true),
            ColumnType.Timestamp => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, isNullable: true),
            _ => new DataField<string>(column.Name, nullable: true),
        };
    }

    /// <summary>A vector holding values of a logical type (the CLR type Parquet.Net writes for it).</summary>
    public static ColumnVector CreateVector(ColumnType type, int capacity) => type switch
    {
        ColumnType.Boolean => new ColumnVector<bool>(capacity),
        ColumnType.Int64 => new ColumnVector<long>(capacity),
        ColumnType.Decimal => new ColumnVector<decimal>(capacity),
        ColumnType.Double => new ColumnVector<double>(capacity),
        ColumnType.Date => new ColumnVector<DateOnly>(capacity),
        ColumnType.Timestamp => new ColumnVector<DateTime>(capacity),
        _ => new ColumnVector<ReadOnlyMemory<char>>(capacity),
    };

    /// <summary>A vector for reading a column of any Parquet file as the CLR type Parquet.Net reads it as.</summary>
    public static ColumnVector CreateVector(DataField field, int capacity)
    {
        ArgumentNullException.ThrowIfNull(field);
        var type = field.ClrType == typeof(byte[]) ? typeof(ReadOnlyMemory<byte>) : field.ClrType;
        if (!type.IsValueType)
        {
            throw new NotSupportedException($"column '{field.Name}' has values of type {field.ClrType}, which load cannot read");
        }

        return (ColumnVector)Activator.CreateInstance(typeof(ColumnVector<>).MakeGenericType(type), capacity)!;
    }

    /// <summary>
    /// The logical type of a Parquet column: integers are Int64; float and double Double; a decimal
    /// that fits decimal(18, ≤9) is Decimal, a wider one String (its exact text, never a lossy double);
    /// dates Date; timestamps Timestamp; everything else (text, binary, time, UUID) String.
    /// </summary>
    public static (ColumnType Type, int Scale) TypeOf(DataField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field is DecimalDataField dec)
        {
            return dec.Precision <= SchemaColumn.DecimalPrecision && dec.Scale <= SchemaColumn.MaxDecimalScale && dec.Scale >= 0
                ? (ColumnType.Decimal, dec.Scale)
                : (ColumnType.String, 0);
        }

        var t = field.ClrType;
        if (t == typeof(bool))
        {
            return (ColumnType.Boolean, 0);
        }

        if (t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(sbyte) || t == typeof(byte) || t == typeof(ushort) || t == typeof(uint))
        {
            return (ColumnType.Int64, 0);
        }

        if (t == typeof(double) || t == typeof(float))
        {
            return (ColumnType.Double, 0);
        }

        if (t == typeof(DateOnly))
        {
            return (ColumnType.Date, 0);
        }

        if (t == typeof(DateTime) || t == typeof(DateTimeOffset))
        {
            return (ColumnType.Timestamp, 0);
        }

        return (ColumnType.String, 0);
    }

    /// <summary>True when reading needs <see cref="ParquetOptions.UseBigDecimal"/> (a decimal wider than System.Decimal's 28 digits).</summary>
    public static bool NeedsBigDecimals(ParquetSchema schema) =>
        schema.DataFields.Any(f => f is DecimalDataField { Precision: > 28 });

    /// <summary>The flat columns of a file; nested ones (lists, maps, structs) are not supported.</summary>
    public static DataField[] FlatFields(ParquetSchema schema, string what)
    {
        var nested = schema.Fields.FirstOrDefault(f => f is not DataField || ((DataField)f).IsArray);
        if (nested is not null)
        {
            throw new NotSupportedException($"{what}: column '{nested.Name}' is nested ({nested.SchemaType}); only flat columns are supported");
        }

        return schema.DataFields;
    }
}
