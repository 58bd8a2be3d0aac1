using System.Text.Json;
using Strata.Definitions;
using Strata.Load.Formats;

namespace Strata.Load.Json;

/// <summary>
/// A JSON array of objects, streamed one element at a time (the file is never held whole). Each
/// element is found with a forward-only <see cref="Utf8JsonReader"/> over the buffer; when an
/// element runs past the buffer the reader refills and starts that element again. An element that
/// is not an object, or holds invalid UTF-8, is quarantined; a broken array structure (no
/// <c>[</c>, a missing comma, invalid JSON, truncation) fails the file, because past it no element
/// boundary can be trusted.
/// </summary>
internal sealed class JsonArrayRecordSource : ByteWindowSource, IRecordSource
{
    private State _state = State.BeforeArray;

    public JsonArrayRecordSource(Stream stream, ColumnTable columns, int maxRecordBytes)
        : base(stream, maxRecordBytes, 1 << 20)
    {
        Columns = columns;
    }

    private enum State
    {
        BeforeArray,
        FirstElement,
        NextElement,
        AfterElement,
        Done,
    }

    public ColumnTable Columns { get; }

    public bool ColumnsKnownUpfront => false;

    public (ColumnType Type, int Scale)? NativeType(int column) => null;

    public bool TryRead(RecordBuffer record)
    {
        while (true)
        {
            if (!SkipWhitespace())
            {
                if (_eof && _state != State.Done)
                {
                    throw new FileFormatException(_state == State.BeforeArray
                        ? "the file is empty: expected a JSON array"
                        : $"the JSON array is not closed (truncated file?) at line {_line}");
                }

                return false;
            }

            var next = _buffer[_start];
            switch (_state)
            {
                case State.BeforeArray:
                    if (next != (byte)'[')
                    {
                        throw new FileFormatException("a JSON array file must start with '['");
                    }

                    _start++;
                    _state = State.FirstElement;
                    continue;
                case State.AfterElement:
                    if (next == (byte)',')
                    {
                        _start++;
                        _state = State.NextElement;
                        continue;
                    }

                    if (next == (byte)']')
                    {
                        _start++;
                        _state = State.Done;
                        continue;
                    }

                    throw new FileFormatException($"expected ',' or ']' after an array element at line {_line}");
                case State.Done:
                    throw new FileFormatException($"unexpected data after the closing ']' at line {_line}");
                default:
                    if (next == (byte)']' && _state == State.FirstElement)
                    {
                        _start++;
                        _state = State.Done;
                        continue;
                    }

                    return TryReadElement(record);
            }
        }
    }

    /// <summary>Skips blanks, counting lines; false when the buffer ran out.</summary>
    private bool SkipWhitespace()
    {
        while (_start < _end)
        {
            var b = _buffer[_start];
            if (b == (byte)'\n')
            {
                _line++;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return true;
            }

            _start++;
        }

        return false;
    }

    private bool TryReadElement(RecordBuffer record)
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        int length;
        try
        {
            var reader = new Utf8JsonReader(span, _eof, default);
            if (!reader.Read() || !reader.TrySkip())
            {
                return _eof ? throw new FileFormatException($"the JSON array is truncated at line {_line}") : false;
            }

            length = (int)reader.BytesConsumed;
        }
        catch (JsonException e)
        {
            throw new FileFormatException($"invalid JSON in the array at line {_line + (e.LineNumber ?? 0)}: {e.Message}", e);
        }

        var element = span[..length];
        record.BeginKeyed(_buffer, _line, _start, length, Columns.Count);
        if (element[0] != (byte)'{')
        {
            record.Fail("array element is not a JSON object");
        }
        else if (JsonObjectReader.Read(element, record, Columns) is { } error)
        {
            record.Fail(error);
        }

        _line += element.Count((byte)'\n');
        _start += length;
        _state = State.AfterElement;
        return true;
    }

    protected override string TooLong() => $"the array element at line {_line} is longer than {MaxRecordBytes} bytes";

    // Let TryRead see the end and judge whether the array was complete.
    protected override bool MoreAtEnd => true;
}
