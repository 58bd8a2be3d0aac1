using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using Strata.Definitions;
using Strata.Load.Formats;

namespace Strata.Load.Csv;

/// <summary>
/// An RFC 4180 CSV/TSV reader over UTF-8 bytes. It never decodes to chars: a record is found with
/// one vectorised search for a quote or a newline; a record without quotes (the common case) is then
/// cut at the delimiters in place, and only a record with quotes takes the field-by-field path.
/// <list type="bullet">
/// <item>Quoted fields may hold delimiters, <c>""</c> escapes and line breaks (CRLF or LF kept as is).</item>
/// <item>A quote inside an unquoted field is a literal character (<c>37.8"N</c>).</item>
/// <item>An unquoted empty field is null; a quoted empty field (<c>""</c>) is an empty string.</item>
/// <item>Records end at LF or CRLF (a file with CR-only line breaks is read through <see cref="CrLineEndStream"/>);
/// blank lines are skipped; a UTF-8 BOM is dropped.</item>
/// <item>Blanks around header names are trimmed (<c>id, ts</c> names <c>id</c> and <c>ts</c>); values are kept as they are.</item>
/// <item>A record's line is the physical line it starts on (the header is line 1).</item>
/// <item>Invalid UTF-8, a wrong field count, text after a closing quote or an unterminated quote
/// fail the record, not the file.</item>
/// </list>
/// </summary>
internal sealed partial class CsvRecordSource : ByteWindowSource, IRecordSource
{
    private const int InitialBufferBytes = 1 << 20;
    private static readonly SearchValues<byte> s_quoteOrNewline = SearchValues.Create("\"\n"u8);

    private readonly byte _delimiter;
    private readonly SearchValues<byte> _delimiterOrNewline;
    private int _headerFields;
    private long _asciiTo; // file offset: every byte before it is ASCII, so valid UTF-8 (see Validate)

    private CsvRecordSource(Stream stream, byte delimiter, ColumnTable columns, int maxRecordBytes)
        : base(stream, maxRecordBytes, Math.Min(InitialBufferBytes, Math.Max(4096, maxRecordBytes)))
    {
        _delimiter = delimiter;
        _delimiterOrNewline = SearchValues.Create([delimiter, (byte)'\n']);
        Columns = columns;
    }

    public ColumnTable Columns { get; }

    public bool ColumnsKnownUpfront => true;

    /// <summary>Opens the reader and reads the header row into <paramref name="columns"/>.</summary>
    public static async Task<CsvRecordSource> OpenAsync(Stream stream, char delimiter, ColumnTable columns, int maxRecordBytes, CancellationToken cancellationToken)
    {
        if (delimiter > 0x7F || delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "the CSV delimiter must be one ASCII character other than a quote or a line break");
        }

        var source = new CsvRecordSource(stream, (byte)delimiter, columns, maxRecordBytes);
        await source.ReadHeaderAsync(cancellationToken);
        return source;
    }

    public (ColumnType Type, int Scale)? NativeType(int column) => null;

    public bool TryRead(RecordBuffer record)
    {
        while (_start < _end)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var hit = span.IndexOfAny(s_quoteOrNewline);
            if (hit >= 0 && span[hit] == (byte)'"')
            {
                return TryReadQuoted(record);
            }

            if (hit < 0 && !_eof)
            {
                return false; // the record continues past what is buffered
            }

            var consumed = hit < 0 ? span.Length : hit + 1;
            var length = hit < 0 ? span.Length : hit;
            if (length > 0 && span[length - 1] == (byte)'\r')
            {
                length--;
            }

            if (length == 0)
            {
                _start += consumed; // blank line
                _line++;
                continue;
            }

            record.Begin(_buffer, _line, _start, length);
            SplitUnquoted(record, _start, length);
            _start += consumed;
            _line++;
            Validate(record, _start - consumed, length);
            return true;
        }

        return false;
    }

    private async Task ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var header = new RecordBuffer();
        while (!TryRead(header))
        {
            if (!await FillAsync(cancellationToken))
            {
                throw new FileFormatException("the file is empty: a CSV file needs a header row");
            }
        }

        if (header.Error is not null)
        {
            throw new FileFormatException($"the header row cannot be read: {header.Error}");
        }

        if (header.Raw.Contains((byte)0))
        {
            throw new FileFormatException("the header row contains NUL bytes: this is not UTF-8 text (binary data, or UTF-16/32 without a byte-order mark); save the file as UTF-8 CSV");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.FieldCount; i++)
        {
            // Blanks around a name are layout, not part of it: "id, ts" names the columns id and ts.
            var name = Encoding.UTF8.GetString(header.Value(i)).Trim(' ', '\t');
            if (name.Length == 0)
            {
                throw new FileFormatException($"header column {i + 1} of {header.FieldCount} has no name: the first row must name every column (is the first row data, or is the delimiter '{Printable((char)_delimiter)}' right?)");
            }

            if (!seen.Add(name))
            {
                throw new FileFormatException($"header column {i + 1} repeats the name '{Storage.BoundedText.Name(name)}': rename one of them in the file");
            }

            Columns.GetOrAdd(name);
        }

        _headerFields = header.FieldCount;
    }

    /// <summary>
    /// Cuts a record without quotes at its delimiters. A record is short (tens to hundreds of
    /// bytes) and has a field every few bytes, so one search per field mostly pays a search's
    /// set-up: instead 32 bytes at a time are compared with the delimiter at once, and the fields
    /// are read off the bits of the match mask.
    /// </summary>
    private void SplitUnquoted(RecordBuffer record, int start, int length)
    {
        var span = _buffer.AsSpan(start, length);
        var fieldStart = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var delimiter = Vector256.Create(_delimiter);
            for (; i + Vector256<byte>.Count <= length; i += Vector256<byte>.Count)
            {
                var mask = Vector256.Equals(Vector256.Create(span.Slice(i, Vector256<byte>.Count)), delimiter).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(mask);
                    AddField(record, start, fieldStart, at - fieldStart);
                    fieldStart = at + 1;
                    mask &= mask - 1;
                }
            }
        }

        for (; i < length; i++)
        {
            if (span[i] == _delimiter)
            {
                AddField(record, start, fieldStart, i - fieldStart);
                fieldStart = i + 1;
            }
        }

        AddField(record, start, fieldStart, length - fieldStart);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddField(RecordBuffer record, int recordStart, int offset, int length) =>
        record.AddField(recordStart + offset, length, length == 0 ? FieldFlags.Null : FieldFlags.None);

    private bool Finish(RecordBuffer record, int contentEnd, int consumedTo, int newlines)
    {
        var recordStart = _start;
        record.SetRaw(recordStart, contentEnd - recordStart);
        _start = consumedTo;
        _line += 1 + newlines;
        Validate(record, recordStart, contentEnd - recordStart);
        return true;
    }

    /// <summary>
    /// Checks the field count and that the record (at buffer offset <paramref name="rawStart"/>) is
    /// valid UTF-8. Checking each record on its own paid a call's set-up per hundred bytes; instead
    /// one vectorised search finds how far the buffer from this record on is plain ASCII (the
    /// common case, valid by construction), and only a record reaching past that is checked itself.
    /// </summary>
    private void Validate(RecordBuffer record, int rawStart, int rawLength)
    {
        if (_headerFields > 0 && record.FieldCount != _headerFields)
        {
            record.Fail($"expected {_headerFields} fields, found {record.FieldCount}");
        }

        var rawEnd = _dropped + rawStart + rawLength;
        if (rawEnd <= _asciiTo)
        {
            return;
        }

        var rest = _buffer.AsSpan(rawStart, _end - rawStart);
        var nonAscii = rest.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        _asciiTo = _dropped + rawStart + (nonAscii < 0 ? rest.Length : nonAscii);
        if (rawEnd <= _asciiTo)
        {
            return;
        }

        var raw = rest[..rawLength];
        if (!Utf8.IsValid(raw))
        {
            for (var i = 0; i < record.FieldCount; i++)
            {
                if (!Utf8.IsValid(record.Value(i)))
                {
                    record.Fail($"invalid UTF-8 in column {ColumnName(i)}");
                    return;
                }
            }

            record.Fail("invalid UTF-8");
        }
    }

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();

    private string ColumnName(int field) => field >= 0 && field < Columns.Count ? $"'{Columns[field]}'" : $"{field + 1}";

    protected override string TooLong() => $"the record starting at line {_line} is longer than {MaxRecordBytes} bytes (an unbalanced quote?)";
}
