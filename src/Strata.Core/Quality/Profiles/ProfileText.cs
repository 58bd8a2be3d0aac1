using System.Globalization;
using System.Runtime.CompilerServices;

namespace Strata.Quality.Profiles;

/// <summary>
/// Values as DuckDB prints them (<c>CAST(x AS VARCHAR)</c>; types are <c>InputViews.TypeOf</c>'s), so a profile
/// gathered while writing reads like one DuckDB made of the file — and like the profiles made
/// before, which drift compares it with. Timestamps print in UTC (<c>+00</c>), as Strata's
/// DuckDB sessions run with <c>TimeZone = 'UTC'</c>.
/// </summary>
internal static class ProfileText
{
    public static string Format<T>(T value, int scale)
        where T : struct
    {
        if (typeof(T) == typeof(long))
        {
            return Unsafe.As<T, long>(ref value).ToString(CultureInfo.InvariantCulture);
        }

        if (typeof(T) == typeof(double))
        {
            return Double(Unsafe.As<T, double>(ref value));
        }

        if (typeof(T) == typeof(decimal))
        {
            return Unsafe.As<T, decimal>(ref value).ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        if (typeof(T) == typeof(DateOnly))
        {
            return Unsafe.As<T, DateOnly>(ref value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (typeof(T) == typeof(DateTime))
        {
            return Timestamp(Unsafe.As<T, DateTime>(ref value));
        }

        return value.ToString() ?? "";
    }

    /// <summary>The value as a number, for range drift (numeric columns only).</summary>
    public static double Number<T>(T value)
        where T : struct =>
        typeof(T) == typeof(long) ? Unsafe.As<T, long>(ref value)
        : typeof(T) == typeof(decimal) ? (double)Unsafe.As<T, decimal>(ref value)
        : Unsafe.As<T, double>(ref value);

    /// <summary>DuckDB's shortest round-trip text: integral values keep a <c>.0</c>, exponents are <c>e+20</c> / <c>e-05</c>.</summary>
    private static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            var at = text.IndexOf('E', StringComparison.Ordinal);
            var exponent = int.Parse(text.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return $"{text[..at]}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary><c>2026-11-20 10:00:00.25+00</c>: microseconds without trailing zeros.</summary>
    private static string Timestamp(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var text = utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var micros = (utc.Ticks % TimeSpan.TicksPerSecond) / 10;
        return micros == 0 ? text + "+00" : $"{text}.{micros.ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0')}+00";
    }
}
