using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Strata.Load.Formats;

/// <summary>
/// Decompresses gzip and proves the data complete. .NET's <see cref="GZipStream"/> ends quietly when
/// the input stops early, so a truncated upload would load as a shorter file. This stream checks,
/// at the end, the CRC-32 and length of everything decompressed against the gzip trailer (the
/// file's last 8 bytes) and fails the file when they differ. Consequence, documented: a
/// multi-member gzip (concatenated .gz files) fails the check too, because the trailer covers only
/// its last member.
/// </summary>
internal sealed class GzipVerifyingStream : Stream
{
    private readonly GZipStream _inner;
    private readonly Crc32 _crc = new();
    private readonly uint _expectedCrc;
    private readonly uint _expectedLength;
    private ulong _length;
    private bool _verified;

    private GzipVerifyingStream(Stream compressed, uint expectedCrc, uint expectedLength)
    {
        _inner = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: false);
        _expectedCrc = expectedCrc;
        _expectedLength = expectedLength;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Wraps a seekable compressed stream positioned at its start.</summary>
    public static GzipVerifyingStream Open(Stream compressed)
    {
        if (compressed.Length < 18)
        {
            throw new FileFormatException("the gzip file is too short to be complete (truncated?)");
        }

        Span<byte> trailer = stackalloc byte[8];
        compressed.Seek(-8, SeekOrigin.End);
        compressed.ReadExactly(trailer);
        compressed.Seek(0, SeekOrigin.Begin);
        return new GzipVerifyingStream(compressed, BinaryPrimitives.ReadUInt32LittleEndian(trailer), BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new FileFormatException($"the gzip data is corrupt: {e.Message}", e);
        }

        return Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await _inner.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new FileFormatException($"the gzip data is corrupt: {e.Message}", e);
        }

        return Account(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0)
        {
            _crc.Append(data);
            _length += (ulong)data.Length;
            return data.Length;
        }

        if (!_verified)
        {
            _verified = true;
            if (_crc.GetCurrentHashAsUInt32() != _expectedCrc || (uint)_length != _expectedLength)
            {
                throw new FileFormatException("the gzip data is truncated or corrupt: its CRC-32/length check failed (multi-member gzip files are not supported)");
            }
        }

        return 0;
    }
}
