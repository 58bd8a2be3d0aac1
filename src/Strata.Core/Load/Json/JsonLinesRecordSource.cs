using Strata.Definitions;
using Strata.Load.Formats;

namespace Strata.Load.Json;

/// <summary>
/// JSON lines (NDJSON): one object per line, LF or CRLF; blank lines are skipped. A line that is
/// not a valid JSON object is quarantined with its line number; the rest of the file loads.
/// </summary>
internal sealed class JsonLinesRecordSource(Stream stream, ColumnTable columns, int maxRecordBytes)
    : ByteWindowSource(stream, maxRecordBytes, 1 << 20), IRecordSource
{
    public ColumnTable Columns { get; } = columns;

    public bool ColumnsKnownUpfront => false;

    public (ColumnType Type, int Scale)? NativeType(int column) => null;

    public bool TryRead(RecordBuffer record)
    {
        while (_start < _end)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            if (newline < 0 && !_eof)
            {
                return false;
            }

            var length = newline < 0 ? span.Length : newline;
            var consumed = newline < 0 ? span.Length : newline + 1;
            var line = span[..length].TrimEnd((byte)'\r');
            var lineNumber = _line;
            var lineStart = _start;
            _start += consumed;
            _line++;
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            record.BeginKeyed(_buffer, lineNumber, lineStart, line.Length, Columns.Count);
            if (JsonObjectReader.Read(line, record, Columns) is { } error)
            {
                record.Fail(error);
            }

            return true;
        }

        return false;
    }

    protected override string TooLong() => $"line {_line} is longer than {MaxRecordBytes} bytes";
}
