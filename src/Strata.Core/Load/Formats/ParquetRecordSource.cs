using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using Strata.Definitions;
using Strata.Parquet;

namespace Strata.Load.Formats;

/// <summary>
/// A Parquet input file, read a row group at a time. Columns keep the file's own types
/// (<see cref="ParquetColumns.TypeOf"/>) rather than being inferred; values are handed on as their
/// canonical text (ISO timestamps in UTC with 7 fraction digits, round-trip doubles, decimals with
/// their scale), which the conversion grammar reads back exactly. A record's line is its 1-based
/// row number. Nested columns and unreadable files fail the file.
/// </summary>
internal sealed partial class ParquetRecordSource : IRecordSource
{
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;
    private readonly int[] _columnOf;
    private readonly (ColumnType Type, int Scale)[] _native;
    private readonly ColumnVector[] _vectors;
    private readonly int[] _cursors;
    private readonly string? _deleteOnDispose;
    private int _nextRowGroup;
    private int _row;
    private int _rows;
    private long _rowNumber;

    private ParquetRecordSource(ParquetReader reader, DataField[] fields, ColumnTable columns, string? deleteOnDispose)
    {
        _reader = reader;
        _fields = fields;
        _deleteOnDispose = deleteOnDispose;
        Columns = columns;
        _columnOf = [.. fields.Select(f => columns.GetOrAdd(f.Name))];
        _native = new (ColumnType, int)[columns.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            _native[_columnOf[i]] = ParquetColumns.TypeOf(fields[i]);
        }

        _vectors = [.. fields.Select(f => ParquetColumns.CreateVector(f, 1024))];
        _cursors = new int[fields.Length];
    }

    public ColumnTable Columns { get; }

    public bool ColumnsKnownUpfront => true;

    public static async Task<ParquetRecordSource> OpenAsync(string path, ColumnTable columns, string? deleteOnDispose, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            var schema = await ParquetReader.ReadSchemaAsync(path);
            reader = await ParquetReader.CreateAsync(path, ParquetColumns.ReaderOptions(ParquetColumns.NeedsBigDecimals(schema)), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new FileFormatException($"not a readable Parquet file: {e.Message}", e);
        }

        try
        {
            var fields = ParquetColumns.FlatFields(reader.Schema, "Parquet input");
            return new ParquetRecordSource(reader, fields, columns, deleteOnDispose);
        }
        catch (Exception e)
        {
            await reader.DisposeAsync();
            throw e is NotSupportedException ? new FileFormatException(e.Message, e) : e;
        }
    }

    public (ColumnType Type, int Scale)? NativeType(int column) => column < _native.Length ? _native[column] : null;

    public bool TryRead(RecordBuffer record)
    {
        if (_row >= _rows)
        {
            return false;
        }

        _rowNumber++;
        record.BeginKeyed([], _rowNumber, 0, 0, Columns.Count);
        var raw = new StringBuilder("{");
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_vectors[i].IsNull(_row))
            {
                continue;
            }

            var text = Text(_vectors[i].Box(_cursors[i]++));
            var bytes = Encoding.UTF8.GetBytes(text);
            record.SetField(_columnOf[i], record.AppendScratch(bytes), bytes.Length, FieldFlags.InScratch);
            raw.Append(raw.Length > 1 ? ", " : "").Append('"').Append(_fields[i].Name).Append("\": \"").Append(text).Append('"');
        }

        record.SetRawCopy(Encoding.UTF8.GetBytes(raw.Append('}').ToString()));
        _row++;
        return true;
    }

    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_nextRowGroup >= _reader.RowGroupCount)
        {
            return false;
        }

        try
        {
            using var group = _reader.OpenRowGroupReader(_nextRowGroup++);
            _rows = checked((int)group.RowCount);
            for (var i = 0; i < _fields.Length; i++)
            {
                await _vectors[i].ReadAsync(group, _fields[i], _rows, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new FileFormatException($"row group {_nextRowGroup} cannot be read: {e.Message}", e);
        }

        Array.Clear(_cursors);
        _row = 0;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        foreach (var vector in _vectors)
        {
            vector.Dispose();
        }

        if (_deleteOnDispose is not null)
        {
            File.Delete(_deleteOnDispose);
        }
    }

    /// <summary>The canonical text of a value Parquet.Net read.</summary>
    private static string Text(object value) => value switch
    {
        ReadOnlyMemory<char> s => s.ToString(),
        ReadOnlyMemory<byte> b => Convert.ToBase64String(b.Span),
        bool b => b ? "true" : "false",
        DateTime t => new DateTime(t.Ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
