using System.Numerics;
using System.Runtime.CompilerServices;
using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Load.Writing;
using Strata.Parquet;

namespace Strata.Load.Formats;

/// <summary>
/// Moves the values of chosen rows of a Parquet input column, typed as Parquet.Net read it, into an
/// output vector of load's type for it — no boxing and no text in between. Each mover gives exactly
/// the value the row path (canonical text, then parsing) gives: integers widen to int64, timestamps
/// are truncated to microseconds in UTC, decimals carry the column's scale. Types whose text form is
/// not an exact copy (float, binary, wide decimals, time, UUID) have no mover and keep the row path.
/// <para>
/// One call moves a column's values for many rows (see <see cref="RowsByPartition"/>), and the
/// conversion is a struct the JIT inlines, so a value costs a load, a conversion and a store into
/// its partition's vector: no virtual call and no boxing per value.
/// </para>
/// </summary>
internal abstract class ColumnMover
{
    /// <summary>
    /// Appends each row of <paramref name="rows"/> of <paramref name="source"/> to the vector of its
    /// partition, <paramref name="targets"/>[<paramref name="partitionOfRow"/>[row]] (text to that
    /// partition's arena). <paramref name="valueOfRow"/> maps a row to its packed value index (-1
    /// for null); empty when the source has no nulls, so row and value index are the same.
    /// </summary>
    public abstract void MoveRows(ColumnVector source, ReadOnlySpan<int> rows, ReadOnlySpan<int> valueOfRow, ReadOnlySpan<int> partitionOfRow, ColumnVector[] targets, CharArena[] arenas);

    /// <summary>The mover from a column read as <paramref name="clr"/> to <paramref name="type"/>; null when there is none.</summary>
    public static ColumnMover? For(Type clr, ColumnType type, int scale) => type switch
    {
        ColumnType.Int64 when clr == typeof(long) => new Mover<long, long, Same<long>>(default),
        ColumnType.Int64 when clr == typeof(int) => new Mover<int, long, Widen<int>>(default),
        ColumnType.Int64 when clr == typeof(short) => new Mover<short, long, Widen<short>>(default),
        ColumnType.Int64 when clr == typeof(sbyte) => new Mover<sbyte, long, Widen<sbyte>>(default),
        ColumnType.Int64 when clr == typeof(byte) => new Mover<byte, long, Widen<byte>>(default),
        ColumnType.Int64 when clr == typeof(ushort) => new Mover<ushort, long, Widen<ushort>>(default),
        ColumnType.Int64 when clr == typeof(uint) => new Mover<uint, long, Widen<uint>>(default),
        ColumnType.Double when clr == typeof(double) => new Mover<double, double, Same<double>>(default),
        ColumnType.Boolean when clr == typeof(bool) => new Mover<bool, bool, Same<bool>>(default),
        ColumnType.Date when clr == typeof(DateOnly) => new Mover<DateOnly, DateOnly, Same<DateOnly>>(default),
        ColumnType.Decimal when clr == typeof(decimal) => new Mover<decimal, decimal, Rescale>(new Rescale(scale)),
        ColumnType.Timestamp when clr == typeof(DateTime) => new Mover<DateTime, DateTime, Timestamp>(default),
        ColumnType.Timestamp when clr == typeof(DateTimeOffset) => new Mover<DateTimeOffset, DateTime, TimestampOffset>(default),
        ColumnType.String when clr == typeof(ReadOnlyMemory<char>) => new Mover<ReadOnlyMemory<char>, ReadOnlyMemory<char>, Text>(default),
        _ => null,
    };

    /// <summary>One value's conversion, as a struct so the generic mover's loop inlines it.</summary>
    private interface IConversion<TIn, TOut>
    {
        TOut Convert(TIn value, CharArena arena);
    }

    private sealed class Mover<TIn, TOut, TConversion>(TConversion conversion) : ColumnMover
        where TIn : struct
        where TOut : struct
        where TConversion : struct, IConversion<TIn, TOut>
    {
        public override void MoveRows(ColumnVector source, ReadOnlySpan<int> rows, ReadOnlySpan<int> valueOfRow, ReadOnlySpan<int> partitionOfRow, ColumnVector[] targets, CharArena[] arenas)
        {
            var values = Unsafe.As<ColumnVector<TIn>>(source).Values;
            var nulls = !valueOfRow.IsEmpty;
            foreach (var row in rows)
            {
                var partition = partitionOfRow[row];
                var to = Unsafe.As<ColumnVector<TOut>>(targets[partition]);
                var value = nulls ? valueOfRow[row] : row;
                if (value < 0)
                {
                    to.AppendNull();
                }
                else
                {
                    to.Append(conversion.Convert(values[value], arenas[partition]));
                }
            }
        }
    }

    private readonly struct Same<T> : IConversion<T, T>
    {
        public T Convert(T value, CharArena arena) => value;
    }

    private readonly struct Widen<T> : IConversion<T, long>
        where T : IBinaryInteger<T>
    {
        public long Convert(T value, CharArena arena) => long.CreateTruncating(value);
    }

    private readonly struct Timestamp : IConversion<DateTime, DateTime>
    {
        public DateTime Convert(DateTime value, CharArena arena) => new(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);
    }

    private readonly struct TimestampOffset : IConversion<DateTimeOffset, DateTime>
    {
        public DateTime Convert(DateTimeOffset value, CharArena arena) => new(value.UtcTicks - (value.UtcTicks % 10), DateTimeKind.Utc);
    }

    /// <summary>The value with exactly the column's scale, as the row path builds it from its digits.</summary>
    private readonly struct Rescale(int scale) : IConversion<decimal, decimal>
    {
        public decimal Convert(decimal value, CharArena arena)
        {
            var unscaled = (long)decimal.Truncate(value * ValueParser.Pow10(scale));
            var magnitude = (ulong)Math.Abs(unscaled);
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, (byte)scale);
        }
    }

    /// <summary>A copy into the partition's arena: the input row group's text is overwritten by the next one.</summary>
    private readonly struct Text : IConversion<ReadOnlyMemory<char>, ReadOnlyMemory<char>>
    {
        public ReadOnlyMemory<char> Convert(ReadOnlyMemory<char> value, CharArena arena)
        {
            if (value.IsEmpty)
            {
                return ReadOnlyMemory<char>.Empty;
            }

            var copy = arena.Reserve(value.Length);
            value.Span.CopyTo(copy.Span);
            return copy;
        }
    }
}
