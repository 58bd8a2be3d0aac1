namespace Strata.Load.Formats;

/// <summary>
/// The byte window the text readers share: a buffer over the file that slides forward and grows
/// (up to the record-size cap) when one record does not fit, with a UTF-8 BOM dropped at the
/// start. Readers parse in place between <see cref="_start"/> and <see cref="_end"/>; the fields are
/// protected because they are touched on every byte of the hot path.
/// </summary>
internal abstract class ByteWindowSource : IAsyncDisposable
{
#pragma warning disable SA1401, CA1051 // the readers' hot loops use these directly
    protected byte[] _buffer;
    protected int _start;
    protected int _end;
    protected bool _eof;
    protected long _line = 1;

    /// <summary>Bytes of the file slid out of the front of the buffer so far: buffer offset + this = file offset.</summary>
    protected long _dropped;
#pragma warning restore SA1401, CA1051

    private readonly Stream _stream;
    private bool _atFileStart = true;

    protected ByteWindowSource(Stream stream, int maxRecordBytes, int initialBytes)
    {
        _stream = stream;
        MaxRecordBytes = maxRecordBytes;
        _buffer = new byte[initialBytes];
    }

    protected int MaxRecordBytes { get; }

    /// <summary>Reads more of the file; false at the end of the data.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _dropped += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxRecordBytes)
            {
                throw new FileFormatException(TooLong());
            }

            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, MaxRecordBytes));
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            _eof = true;
            return MoreAtEnd;
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

    /// <summary>What to say when one record outgrows the cap (names the line and the reader's unit).</summary>
    protected abstract string TooLong();

    /// <summary>Whether reaching the end of the file still leaves something for <c>TryRead</c>: by default, unread bytes.</summary>
    protected virtual bool MoreAtEnd => _start < _end;
}
