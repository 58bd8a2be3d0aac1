using System.Runtime.CompilerServices;
using Strata.Parquet;

namespace Strata.Quality.Profiles;

/// <summary>
/// Numbers, dates and timestamps: min and max compared in the vector's own type (the JIT
/// specialises the loop per type, so a value costs a compare and a hash, no boxing).
/// </summary>
internal sealed class ValueAccumulator<T>(string name, string type, bool numeric, int scale = 0) : ColumnAccumulator(name, type)
    where T : struct, IComparable<T>
{
    private T _min;
    private T _max;
    private bool _any;

    public override void Add(ColumnVector column)
    {
        if (Typed<T>(column) is not { } vector || vector.ValueCount == 0)
        {
            return;
        }

        var values = vector.Values;
        T min = _any ? _min : values[0], max = _any ? _max : values[0];
        foreach (var value in values)
        {
            if (value.CompareTo(min) < 0)
            {
                min = value;
            }

            if (value.CompareTo(max) > 0)
            {
                max = value;
            }

            Sketch.Add(Hash(value));
        }

        (_min, _max, _any) = (min, max, true);
    }

    public override ColumnProfile ToProfile() => new(Name, Type, Nulls, Sketch.Estimate())
    {
        Min = _any ? ProfileText.Format(_min, scale) : null,
        Max = _any ? ProfileText.Format(_max, scale) : null,
        MinNumber = _any && numeric ? ProfileText.Number(_min) : null,
        MaxNumber = _any && numeric ? ProfileText.Number(_max) : null,
    };

    private static ulong Hash(T value)
    {
        if (typeof(T) == typeof(long))
        {
            return ValueHash.Of(Unsafe.As<T, long>(ref value));
        }

        if (typeof(T) == typeof(double))
        {
            var d = Unsafe.As<T, double>(ref value);
            return ValueHash.Of(BitConverter.DoubleToInt64Bits(d == 0 ? 0 : d)); // -0 is 0
        }

        if (typeof(T) == typeof(DateOnly))
        {
            return ValueHash.Of(Unsafe.As<T, DateOnly>(ref value).DayNumber);
        }

        if (typeof(T) == typeof(DateTime))
        {
            return ValueHash.Of(Unsafe.As<T, DateTime>(ref value).Ticks);
        }

        // Decimal: one column has one scale, so equal values have equal bits.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(Unsafe.As<T, decimal>(ref value), bits);
        return ValueHash.Mix(ValueHash.Of(((long)bits[0] << 32) | (uint)bits[1]) ^ (ulong)(((long)bits[2] << 32) | (uint)bits[3]));
    }
}
