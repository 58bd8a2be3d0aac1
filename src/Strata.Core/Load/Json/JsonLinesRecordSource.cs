using Strata.Definitions;
using Strata.Load.Formats;

namespace Strata.Load.Json;

/// <summary>
/// JSON lines (NDJSON): one object per line, LF or CRLF; blank lines are skipped. A line that is
/// not a valid JSON object is quarantined with its line number; the rest of the file loads.
/// </summary>
internal sealed class JsonLinesRecordSource : IRecordSource
{
    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _atFileStart = true;
    private long _line = 1;

    public JsonLinesRecordSource(Stream stream, ColumnTable columns, int maxRecordBytes)
    {
        _stream = stream;
        Columns = columns;
        _maxRecordBytes = maxRecordBytes;
    }

    public ColumnTable Columns { get; }

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

    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxRecordBytes)
            {
                throw new FileFormatException($"line {_line} is longer than {_maxRecordBytes} bytes");
            }

            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxRecordBytes));
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            _eof = true;
            return _start < _end;
        }

        _end += read;
        if (_atFileStart && _end >= 3)
        {
            _atFileStart = false;
            if (_buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
            {
                _start = 3;
            }
        }

        return true;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
