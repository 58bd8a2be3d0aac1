using Strata.Load.Formats;

namespace Strata.Load.Csv;

/// <summary>The field-by-field path of <see cref="CsvRecordSource"/>, taken only by records with a quote.</summary>
internal sealed partial class CsvRecordSource
{
    /// <summary>The field-by-field path for a record with a quote in it. False when it runs past the buffer.</summary>
    private bool TryReadQuoted(RecordBuffer record)
    {
        var buffer = _buffer;
        var pos = _start;
        var newlines = 0;
        record.Begin(buffer, _line, _start, 0);
        while (true)
        {
            if (pos < _end && buffer[pos] == (byte)'"')
            {
                var valueStart = pos + 1;
                var q = valueStart;
                var escaped = false;
                while (true)
                {
                    var next = buffer.AsSpan(q, _end - q).IndexOf((byte)'"');
                    if (next < 0)
                    {
                        if (!_eof)
                        {
                            return false;
                        }

                        newlines += buffer.AsSpan(valueStart, _end - valueStart).Count((byte)'\n');
                        record.AddField(valueStart, _end - valueStart, FieldFlags.None);
                        record.Fail($"unterminated quoted field in column {ColumnName(record.FieldCount - 1)}");
                        return Finish(record, _end, _end, newlines);
                    }

                    q += next;
                    if (q + 1 == _end && !_eof)
                    {
                        return false; // cannot tell a closing quote from an escaped one yet
                    }

                    if (q + 1 < _end && buffer[q + 1] == (byte)'"')
                    {
                        escaped = true;
                        q += 2;
                        continue;
                    }

                    break;
                }

                newlines += buffer.AsSpan(valueStart, q - valueStart).Count((byte)'\n');
                AddQuotedField(record, valueStart, q - valueStart, escaped);
                pos = q + 1;
                if (pos == _end)
                {
                    return Finish(record, pos, pos, newlines); // at EOF (otherwise we returned above)
                }

                var after = buffer[pos];
                if (after == _delimiter)
                {
                    pos++;
                    continue;
                }

                if (after == (byte)'\n')
                {
                    return Finish(record, pos, pos + 1, newlines);
                }

                if (after == (byte)'\r')
                {
                    if (pos + 1 == _end && !_eof)
                    {
                        return false;
                    }

                    if (pos + 1 == _end || buffer[pos + 1] == (byte)'\n')
                    {
                        return Finish(record, pos, Math.Min(pos + 2, _end), newlines);
                    }
                }

                record.Fail($"unexpected text after the closing quote in column {ColumnName(record.FieldCount - 1)}");

                // Resynchronise at the next delimiter or line end, as if the rest were unquoted text.
                var skip = buffer.AsSpan(pos, _end - pos).IndexOfAny(_delimiterOrNewline);
                if (skip < 0)
                {
                    if (!_eof)
                    {
                        return false;
                    }

                    return Finish(record, _end, _end, newlines);
                }

                pos += skip;
                if (buffer[pos] == _delimiter)
                {
                    pos++;
                    continue;
                }

                return Finish(record, TrimCarriageReturn(pos, _start), pos + 1, newlines);
            }

            // Unquoted field (possibly empty, possibly holding a literal quote).
            var end = pos >= _end ? -1 : buffer.AsSpan(pos, _end - pos).IndexOfAny(_delimiterOrNewline);
            if (end < 0)
            {
                if (!_eof)
                {
                    return false;
                }

                var tail = TrimCarriageReturn(_end, pos) - pos;
                record.AddField(pos, tail, tail == 0 ? FieldFlags.Null : FieldFlags.None);
                return Finish(record, pos + tail, _end, newlines);
            }

            var terminator = buffer[pos + end];
            if (terminator == _delimiter)
            {
                record.AddField(pos, end, end == 0 ? FieldFlags.Null : FieldFlags.None);
                pos += end + 1;
                continue;
            }

            var fieldEnd = TrimCarriageReturn(pos + end, pos);
            record.AddField(pos, fieldEnd - pos, fieldEnd == pos ? FieldFlags.Null : FieldFlags.None);
            return Finish(record, fieldEnd, pos + end + 1, newlines);
        }
    }

    /// <summary>Drops the CR of a CRLF before <paramref name="end"/>, never moving before <paramref name="floor"/>.</summary>
    private int TrimCarriageReturn(int end, int floor) => end > floor && _buffer[end - 1] == (byte)'\r' ? end - 1 : end;

    private void AddQuotedField(RecordBuffer record, int start, int length, bool escaped)
    {
        if (!escaped)
        {
            record.AddField(start, length, FieldFlags.None);
            return;
        }

        // Undo "" escapes into scratch; the source bytes stay intact for the raw quarantine text.
        var source = _buffer.AsSpan(start, length);
        var offset = record.ReserveScratch(length);
        var target = record.ScratchSpan(offset, length);
        var written = 0;
        while (!source.IsEmpty)
        {
            var quote = source.IndexOf((byte)'"');
            if (quote < 0)
            {
                source.CopyTo(target[written..]);
                written += source.Length;
                break;
            }

            source[..(quote + 1)].CopyTo(target[written..]);
            written += quote + 1;
            source = source[(quote + 2)..];
        }

        record.CommitScratch(offset, written);
        record.AddField(offset, written, FieldFlags.InScratch);
    }
}
