using System.Globalization;
using Strata.Definitions;
using Strata.Parquet;

namespace Strata.Load.Writing;

/// <summary>
/// Converts a column read from a fragment to a wider type of the assembled partition, following
/// <see cref="Schema.TypeLattice"/>: integers and decimals to decimal or double, dates to
/// timestamps (midnight UTC), anything to its canonical text (integers plain, decimals with their
/// scale, doubles round-trip, dates <c>yyyy-MM-dd</c>, timestamps <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>,
/// booleans <c>true</c>/<c>false</c>) — the text the value would have had in a CSV.
/// </summary>
internal static class ValueWidener
{
    public static void Widen(ColumnVector from, ColumnVector to, ColumnType toType)
    {
        var value = 0;
        for (var row = 0; row < from.RowCount; row++)
        {
            if (from.IsNull(row))
            {
                to.AppendNull();
                continue;
            }

            var boxed = from.Box(value++);
            switch (toType)
            {
                case ColumnType.Decimal:
                    ((ColumnVector<decimal>)to).Append(System.Convert.ToDecimal(boxed, CultureInfo.InvariantCulture));
                    break;
                case ColumnType.Double:
                    ((ColumnVector<double>)to).Append(System.Convert.ToDouble(boxed, CultureInfo.InvariantCulture));
                    break;
                case ColumnType.Timestamp:
                    ((ColumnVector<DateTime>)to).Append(boxed is DateOnly d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : (DateTime)boxed);
                    break;
                case ColumnType.String:
                    ((ColumnVector<ReadOnlyMemory<char>>)to).Append(Text(boxed).AsMemory());
                    break;
                default:
                    throw new InvalidOperationException($"cannot widen {boxed.GetType().Name} to {toType}");
            }
        }
    }

    public static string Text(object value) => value switch
    {
        ReadOnlyMemory<char> s => s.ToString(),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
