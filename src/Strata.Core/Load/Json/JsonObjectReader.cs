using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Strata.Load.Formats;

namespace Strata.Load.Json;

/// <summary>
/// Reads one JSON object (complete in memory) into a keyed <see cref="RecordBuffer"/>: each property
/// becomes the field of its column; strings are unescaped, numbers and booleans keep their text,
/// null is null, nested objects and arrays keep their JSON text and are marked
/// <see cref="FieldFlags.Nested"/>. A repeated key keeps its last value, as JSON.parse does.
/// </summary>
internal static class JsonObjectReader
{
    /// <summary>Fills <paramref name="record"/> from <paramref name="json"/>, which must hold exactly one object.</summary>
    /// <returns>Null, or the reason the record is bad (it is then quarantined).</returns>
    public static string? Read(ReadOnlySpan<byte> json, RecordBuffer record, ColumnTable columns)
    {
        if (!Utf8.IsValid(json))
        {
            return "invalid UTF-8";
        }

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            Span<char> nameBuffer = stackalloc char[128];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var column = Column(ref reader, columns, nameBuffer);
                reader.Read();
                Store(ref reader, json, record, column);
            }

            if (reader.Read())
            {
                return "unexpected data after the JSON object";
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"invalid JSON: {e.Message}";
        }
        catch (InvalidOperationException e)
        {
            return $"invalid JSON string: {e.Message}"; // e.g. an escaped lone surrogate
        }
    }

    private static int Column(ref Utf8JsonReader reader, ColumnTable columns, scoped Span<char> buffer)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        char[]? rented = null;
        var chars = length <= buffer.Length ? buffer : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var written = reader.CopyString(chars);
            return columns.GetOrAdd(chars[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void Store(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, RecordBuffer record, int column)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                record.SetField(column, 0, 0, FieldFlags.Null);
                break;
            case JsonTokenType.String:
                var max = reader.ValueSpan.Length;
                var offset = record.ReserveScratch(max);
                var written = reader.CopyString(record.ScratchSpan(offset, max));
                record.CommitScratch(offset, written);
                record.SetField(column, offset, written, FieldFlags.InScratch);
                break;
            case JsonTokenType.Number:
                record.SetField(column, record.AppendScratch(reader.ValueSpan), reader.ValueSpan.Length, FieldFlags.InScratch);
                break;
            case JsonTokenType.True:
                record.SetField(column, record.AppendScratch("true"u8), 4, FieldFlags.InScratch);
                break;
            case JsonTokenType.False:
                record.SetField(column, record.AppendScratch("false"u8), 5, FieldFlags.InScratch);
                break;
            default:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var nested = json[start..(int)reader.BytesConsumed];
                record.SetField(column, record.AppendScratch(nested), nested.Length, FieldFlags.InScratch | FieldFlags.Nested);
                break;
        }
    }
}
