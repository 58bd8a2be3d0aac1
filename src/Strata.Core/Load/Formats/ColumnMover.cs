using System.Numerics;
using System.Runtime.CompilerServices;
using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Load.Writing;
using Strata.Parquet;

namespace Strata.Load.Formats;

/// <summary>
/// Moves one value of a Parquet input column, typed as Parquet.Net read it, into an output vector
/// of load's type for it — no boxing and no text in between. Each mover gives exactly the value the
/// row path (canonical text, then parsing) gives: integers widen to int64, timestamps are truncated
/// to microseconds in UTC, decimals carry the column's scale. Types whose text form is not an exact
/// copy (float, binary, wide decimals, time, UUID) have no mover and keep the row path.
/// </summary>
internal abstract class ColumnMover
{
    /// <summary>Appends value number <paramref name="valueIndex"/> of <paramref name="source"/> to <paramref name="target"/>.</summary>
    public abstract void Move(ColumnVector source, int valueIndex, ColumnVector target, CharArena arena);

    /// <summary>The mover from a column read as <paramref name="clr"/> to <paramref name="type"/>; null when there is none.</summary>
    public static ColumnMover? For(Type clr, ColumnType type, int scale) => type switch
    {
        ColumnType.Int64 when clr == typeof(long) => new Same<long>(),
        ColumnType.Int64 when clr == typeof(int) => new Widen<int>(),
        ColumnType.Int64 when clr == typeof(short) => new Widen<short>(),
        ColumnType.Int64 when clr == typeof(sbyte) => new Widen<sbyte>(),
        ColumnType.Int64 when clr == typeof(byte) => new Widen<byte>(),
        ColumnType.Int64 when clr == typeof(ushort) => new Widen<ushort>(),
        ColumnType.Int64 when clr == typeof(uint) => new Widen<uint>(),
        ColumnType.Double when clr == typeof(double) => new Same<double>(),
        ColumnType.Boolean when clr == typeof(bool) => new Same<bool>(),
        ColumnType.Date when clr == typeof(DateOnly) => new Same<DateOnly>(),
        ColumnType.Decimal when clr == typeof(decimal) => new Rescale(scale),
        ColumnType.Timestamp when clr == typeof(DateTime) => new Timestamp(),
        ColumnType.Timestamp when clr == typeof(DateTimeOffset) => new TimestampOffset(),
        ColumnType.String when clr == typeof(ReadOnlyMemory<char>) => new Text(),
        _ => null,
    };

    /// <summary>The partition instant (UTC microseconds) of a date or timestamp value; false for other types.</summary>
    public static bool TryMicros(ColumnVector source, int valueIndex, out long micros)
    {
        switch (source)
        {
            case ColumnVector<DateTime> t:
                micros = (t[valueIndex].Ticks / 10) - (DateTime.UnixEpoch.Ticks / 10);
                return true;
            case ColumnVector<DateTimeOffset> o:
                micros = (o[valueIndex].UtcTicks / 10) - (DateTime.UnixEpoch.Ticks / 10);
                return true;
            case ColumnVector<DateOnly> d:
                micros = (d[valueIndex].DayNumber - ValueParser.EpochDayNumber) * ValueParser.MicrosPerDay;
                return true;
            default:
                micros = 0;
                return false;
        }
    }

    private sealed class Same<T> : ColumnMover
        where T : struct
    {
        public override void Move(ColumnVector source, int valueIndex, ColumnVector target, CharArena arena) =>
            Unsafe.As<ColumnVector<T>>(target).Append(Unsafe.As<ColumnVector<T>>(source)[valueIndex]);
    }

    private sealed class Widen<T> : ColumnMover
        where T : struct, IBinaryInteger<T>
    {
        public override void Move(ColumnVector source, int valueIndex, ColumnVector target, CharArena arena) =>
            Unsafe.As<ColumnVector<long>>(target).Append(long.CreateTruncating(Unsafe.As<ColumnVector<T>>(source)[valueIndex]));
    }

    private sealed class Timestamp : ColumnMover
    {
        public override void Move(ColumnVector source, int valueIndex, ColumnVector target, CharArena arena)
        {
            var ticks = Unsafe.As<ColumnVector<DateTime>>(source)[valueIndex].Ticks;
            Unsafe.As<ColumnVector<DateTime>>(target).Append(new DateTime(ticks - (ticks % 10), DateTimeKind.Utc));
        }
    }

    private sealed class TimestampOffset : ColumnMover
    {
        public override void Move(ColumnVector source, int valueIndex, ColumnVector target, CharArena arena)
        {
            var ticks = Unsafe.As<ColumnVector<DateTimeOffset>>(source)[valueIndex].UtcTicks;
            Unsafe.As<ColumnVector<DateTime>>(target).Append(new DateTime(ticks - (ticks % 10), DateTimeKind.Utc));
        }
    }

    /// <summary>The value with exactly the column's scale, as the row path builds it from its digits.</summary>
    private sealed class Rescale(int scale) : ColumnMover
    {
        public override void Move(ColumnVector source, int valueIndex, ColumnVector target, CharArena arena)
        {
            var value = Unsafe.As<ColumnVector<decimal>>(source)[valueIndex];
            var unscaled = (long)decimal.Truncate(value * ValueParser.Pow10(scale));
            var magnitude = (ulong)Math.Abs(unscaled);
            Unsafe.As<ColumnVector<decimal>>(target).Append(new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, (byte)scale));
        }
    }

    private sealed class Text : ColumnMover
    {
        public override void Move(ColumnVector source, int valueIndex, ColumnVector target, CharArena arena)
        {
            var text = Unsafe.As<ColumnVector<ReadOnlyMemory<char>>>(source)[valueIndex].Span;
            var copy = text.IsEmpty ? Memory<char>.Empty : arena.Reserve(text.Length);
            text.CopyTo(copy.Span);
            Unsafe.As<ColumnVector<ReadOnlyMemory<char>>>(target).Append(copy);
        }
    }
}
