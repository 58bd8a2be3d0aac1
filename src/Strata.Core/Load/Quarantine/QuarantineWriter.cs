using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Strata.Load.Quarantine;

/// <summary>
/// Writes quarantine records as JSON lines:
/// <c>{"rawBlob":"raw/...","line":12,"reason":"...","column":"amount","value":"12,5","raw":"..."}</c>.
/// <c>column</c> and <c>value</c> appear when one field is at fault; <c>raw</c> is the record's text
/// (null for a file-level record), and when that text is not valid UTF-8, <c>rawBase64</c> holds its
/// exact bytes. The sink's stream is opened on the first record only.
/// </summary>
internal sealed class QuarantineWriter : IAsyncDisposable
{
    private const int FlushBytes = 1 << 16;
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly IFragmentSink _sink;
    private readonly string _rawBlob;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushBytes * 2);
    private readonly Utf8JsonWriter _json;
    private Stream? _stream;

    public QuarantineWriter(IFragmentSink sink, string rawBlob)
    {
        _sink = sink;
        _rawBlob = rawBlob;
        _json = new Utf8JsonWriter(_buffer, s_options);
    }

    public long Count { get; private set; }

    /// <summary>True when enough is buffered that the caller should <see cref="FlushAsync"/>.</summary>
    public bool ShouldFlush => _buffer.WrittenCount >= FlushBytes;

    /// <summary>Buffers one record.</summary>
    public void Write(long line, string reason, string? column, string? value, ReadOnlySpan<byte> raw, bool hasRaw)
    {
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("rawBlob", _rawBlob);
        _json.WriteNumber("line", line);
        _json.WriteString("reason", reason);
        if (column is not null)
        {
            _json.WriteString("column", column);
        }

        if (value is not null)
        {
            _json.WriteString("value", value);
        }

        if (!hasRaw)
        {
            _json.WriteNull("raw");
        }
        else if (Utf8.IsValid(raw))
        {
            _json.WriteString("raw", raw);
        }
        else
        {
            _json.WriteString("raw", Encoding.UTF8.GetString(raw)); // invalid bytes become U+FFFD here...
            _json.WriteBase64String("rawBase64", raw); // ...and are kept exactly here
        }

        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n"u8);
        Count++;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        _stream ??= await _sink.OpenQuarantineAsync(cancellationToken);
        await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        _buffer.ResetWrittenCount();
    }

    /// <summary>Writes what is buffered and closes the stream.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        if (_stream is not null)
        {
            await _stream.FlushAsync(cancellationToken);
            await _stream.DisposeAsync();
            _stream = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
    }
}
