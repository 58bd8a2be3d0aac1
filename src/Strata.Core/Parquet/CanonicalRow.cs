using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using BigDecimal = Parquet.Data.BigDecimal;

namespace Strata.Parquet;

/// <summary>
/// Builds the canonical bytes of one row for the output hash: for each non-null cell, in column-name
/// order, the name, a type tag and the value in a form that does not depend on how the value was
/// stored. This is the one place that defines "the same value":
/// <list type="bullet">
/// <item>exact numbers (every integer width, decimals of any precision/scale or physical type) are
/// one tag <c>N</c> with the unscaled value as a 128-bit integer and the scale, after stripping
/// trailing zeros — so <c>5</c> (int32), <c>5</c> (int64) and <c>5.00</c> (decimal) hash alike and
/// widening int64 → decimal does not change a partition's hash;</item>
/// <item>float and double are the bits of the double (-0.0 is 0.0, every NaN is one NaN);</item>
/// <item>dates are days since 1970-01-01, timestamps microseconds since the epoch (the stored instant,
/// whether or not the file marks it as UTC), times microseconds since midnight;</item>
/// <item>strings are UTF-8, binary is its bytes, booleans one byte.</item>
/// </list>
/// </summary>
internal sealed class CanonicalRow
{
    private const byte TagExact = (byte)'N';
    private const byte TagDouble = (byte)'D';
    private const byte TagString = (byte)'S';
    private const byte TagBinary = (byte)'Y';
    private const byte TagBoolean = (byte)'B';
    private const byte TagDate = (byte)'d';
    private const byte TagTimestamp = (byte)'T';
    private const byte TagTime = (byte)'t';
    private const byte TagGuid = (byte)'G';
    private static readonly int s_epochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private byte[] _buffer = new byte[512];
    private int _length;

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    public void Reset() => _length = 0;

    /// <summary>The name header every cell starts with: byte length then UTF-8 name.</summary>
    public static byte[] NameHeader(string columnName)
    {
        var name = Encoding.UTF8.GetBytes(columnName);
        var header = new byte[name.Length + 4];
        BinaryPrimitives.WriteInt32LittleEndian(header, name.Length);
        name.CopyTo(header, 4);
        return header;
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>Writes the tag and canonical payload of a Parquet.Net value.</summary>
    public void WriteValue<T>(T value)
    {
        if (typeof(T) == typeof(long)) { WriteExact((long)(object)value!, 0); }
        else if (typeof(T) == typeof(ReadOnlyMemory<char>)) { WriteString(((ReadOnlyMemory<char>)(object)value!).Span); }
        else if (typeof(T) == typeof(double)) { WriteDouble((double)(object)value!); }
        else if (typeof(T) == typeof(decimal)) { WriteDecimal((decimal)(object)value!); }
        else if (typeof(T) == typeof(DateTime)) { WriteTicks(TagTimestamp, ((DateTime)(object)value!).Ticks - DateTime.UnixEpoch.Ticks); }
        else if (typeof(T) == typeof(DateOnly)) { WriteInt32(TagDate, ((DateOnly)(object)value!).DayNumber - s_epochDayNumber); }
        else if (typeof(T) == typeof(bool)) { WriteBoolean((bool)(object)value!); }
        else if (typeof(T) == typeof(int)) { WriteExact((int)(object)value!, 0); }
        else if (typeof(T) == typeof(short)) { WriteExact((short)(object)value!, 0); }
        else if (typeof(T) == typeof(sbyte)) { WriteExact((sbyte)(object)value!, 0); }
        else if (typeof(T) == typeof(byte)) { WriteExact((byte)(object)value!, 0); }
        else if (typeof(T) == typeof(ushort)) { WriteExact((ushort)(object)value!, 0); }
        else if (typeof(T) == typeof(uint)) { WriteExact((uint)(object)value!, 0); }
        else if (typeof(T) == typeof(ulong)) { WriteExact((ulong)(object)value!, 0); }
        else if (typeof(T) == typeof(float)) { WriteDouble((float)(object)value!); }
        else if (typeof(T) == typeof(BigDecimal)) { WriteBigDecimal((BigDecimal)(object)value!); }
        else if (typeof(T) == typeof(DateTimeOffset)) { WriteTicks(TagTimestamp, ((DateTimeOffset)(object)value!).UtcTicks - DateTime.UnixEpoch.Ticks); }
        else if (typeof(T) == typeof(TimeSpan)) { WriteTicks(TagTime, ((TimeSpan)(object)value!).Ticks); }
        else if (typeof(T) == typeof(TimeOnly)) { WriteTicks(TagTime, ((TimeOnly)(object)value!).Ticks); }
        else if (typeof(T) == typeof(ReadOnlyMemory<byte>)) { WriteBinary(((ReadOnlyMemory<byte>)(object)value!).Span); }
        else if (typeof(T) == typeof(Guid)) { WriteGuid((Guid)(object)value!); }
        else { throw new NotSupportedException($"values of type {typeof(T)} have no canonical form for the output hash"); }
    }

    private void WriteExact(Int128 unscaled, int scale)
    {
        // Strip trailing zeros so 12.50 and 12.5 (and 5.00 and 5) are one value.
        if (scale > 0 && unscaled != 0)
        {
            if (unscaled >= long.MinValue && unscaled <= long.MaxValue)
            {
                var small = (long)unscaled;
                while (scale > 0 && small % 10 == 0)
                {
                    small /= 10;
                    scale--;
                }

                unscaled = small;
            }
            else
            {
                while (scale > 0 && unscaled % 10 == 0)
                {
                    unscaled /= 10;
                    scale--;
                }
            }
        }
        else if (unscaled == 0)
        {
            scale = 0;
        }

        var span = Reserve(18);
        span[0] = TagExact;
        BinaryPrimitives.WriteInt128LittleEndian(span[1..], unscaled);
        span[17] = (byte)scale;
    }

    private void WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var unscaled = (Int128)magnitude;
        if (bits[3] < 0)
        {
            unscaled = -unscaled;
        }

        WriteExact(unscaled, (bits[3] >> 16) & 0xFF);
    }

    private void WriteBigDecimal(BigDecimal value)
    {
        var unscaled = value.UnscaledValue;
        var scale = value.Scale;
        while (scale < 0)
        {
            unscaled *= 10;
            scale++;
        }

        // Strip zeros on the BigInteger first: a DECIMAL(38) value can exceed Int128 only when it
        // carries trailing zeros beyond 38 digits, which cannot happen for valid Parquet decimals.
        while (scale > 0 && !unscaled.IsZero && BigInteger.Remainder(unscaled, 10).IsZero)
        {
            unscaled /= 10;
            scale--;
        }

        WriteExact((Int128)unscaled, scale);
    }

    private void WriteDouble(double value)
    {
        if (value == 0)
        {
            value = 0; // -0.0 == 0.0 compares equal; this stores +0.0.
        }
        else if (double.IsNaN(value))
        {
            value = double.NaN;
        }

        var span = Reserve(9);
        span[0] = TagDouble;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], BitConverter.DoubleToInt64Bits(value));
    }

    private void WriteString(ReadOnlySpan<char> value)
    {
        var span = Reserve(5 + Encoding.UTF8.GetMaxByteCount(value.Length));
        span[0] = TagString;
        var written = Encoding.UTF8.GetBytes(value, span[5..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], written);
        _length -= span.Length - 5 - written;
    }

    private void WriteBinary(ReadOnlySpan<byte> value)
    {
        var span = Reserve(5 + value.Length);
        span[0] = TagBinary;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], value.Length);
        value.CopyTo(span[5..]);
    }

    private void WriteBoolean(bool value)
    {
        var span = Reserve(2);
        span[0] = TagBoolean;
        span[1] = value ? (byte)1 : (byte)0;
    }

    private void WriteInt32(byte tag, int value)
    {
        var span = Reserve(5);
        span[0] = tag;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], value);
    }

    /// <summary>Writes 100 ns ticks as whole microseconds (floor, so instants before 1970 stay ordered).</summary>
    private void WriteTicks(byte tag, long ticks)
    {
        var span = Reserve(9);
        span[0] = tag;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], Math.DivRem(ticks, 10) is var (q, r) && r < 0 ? q - 1 : q);
    }

    private void WriteGuid(Guid value)
    {
        var span = Reserve(17);
        span[0] = TagGuid;
        value.TryWriteBytes(span[1..], bigEndian: true, out _);
    }

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }

        var span = _buffer.AsSpan(_length, bytes);
        _length += bytes;
        return span;
    }
}
