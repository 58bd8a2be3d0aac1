using Strata.Definitions;

namespace Strata.Load.Schema;

/// <summary>
/// The widening rules, written once: <c>Int64 → Decimal → Double → String</c>,
/// <c>Date → Timestamp → String</c>, <c>Boolean → String</c>; any two types from different chains
/// meet at <c>String</c>. Decimals meet at the larger scale.
/// </summary>
internal static class TypeLattice
{
    /// <summary>The narrowest type both <paramref name="a"/> and <paramref name="b"/> widen to, and its decimal scale.</summary>
    public static (ColumnType Type, int Scale) Join(ColumnType a, int aScale, ColumnType b, int bScale)
    {
        if (a == b)
        {
            return (a, a == ColumnType.Decimal ? Math.Max(aScale, bScale) : 0);
        }

        if (IsNumeric(a) && IsNumeric(b))
        {
            var type = NumericRank(a) > NumericRank(b) ? a : b;
            return type == ColumnType.Decimal ? (type, Math.Max(aScale, bScale)) : (type, 0);
        }

        if (IsTemporal(a) && IsTemporal(b))
        {
            return (ColumnType.Timestamp, 0);
        }

        return (ColumnType.String, 0);
    }

    /// <summary>True when values of <paramref name="from"/> convert to <paramref name="to"/> by widening (or are the same type).</summary>
    public static bool Widens(ColumnType from, int fromScale, ColumnType to, int toScale)
    {
        var (type, scale) = Join(from, fromScale, to, toScale);
        return type == to && scale == (to == ColumnType.Decimal ? toScale : 0);
    }

    public static bool IsNumeric(ColumnType type) => type is ColumnType.Int64 or ColumnType.Decimal or ColumnType.Double;

    public static bool IsTemporal(ColumnType type) => type is ColumnType.Date or ColumnType.Timestamp;

    private static int NumericRank(ColumnType type) => type switch
    {
        ColumnType.Int64 => 0,
        ColumnType.Decimal => 1,
        _ => 2,
    };
}
