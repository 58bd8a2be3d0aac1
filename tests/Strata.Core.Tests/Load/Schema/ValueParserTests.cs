using System.Text;
using Strata.Load.Schema;

namespace Strata.Tests.Load.Schema;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("true", "Boolean")]
    [InlineData("FALSE", "Boolean")]
    [InlineData("0", "Int64")]
    [InlineData("-42", "Int64")]
    [InlineData("9223372036854775807", "Int64")]
    [InlineData("-9223372036854775808", "Int64")]
    [InlineData("9223372036854775808", "String")]
    [InlineData("123456789012345678901234", "String")]
    [InlineData("08123", "String")]
    [InlineData("+44", "String")]
    [InlineData(" 12", "String")]
    [InlineData("12.50", "Decimal")]
    [InlineData("-0.001", "Decimal")]
    [InlineData("0.123456789", "Decimal")]
    [InlineData("0.1234567891", "Double")]
    [InlineData("1234567890123456.78", "Decimal")]
    [InlineData("12345678901234567.89", "Double")]
    [InlineData("1e5", "Double")]
    [InlineData("-2.5E-3", "Double")]
    [InlineData("1e999", "String")]
    [InlineData(".5", "String")]
    [InlineData("5.", "String")]
    [InlineData("NaN", "String")]
    [InlineData("2026-11-20", "Date")]
    [InlineData("2026-02-30", "String")]
    [InlineData("2026-11-20T13:05:00Z", "Timestamp")]
    [InlineData("2026-11-20 13:05", "Timestamp")]
    [InlineData("2026-11-20T13:05:00.123456789+05:30", "Timestamp")]
    [InlineData("2026-11-20T25:00:00", "String")]
    [InlineData("2026-11-20T13:05:00 UTC", "String")]
    [InlineData("", "Empty")]
    [InlineData("hello", "String")]
    public void Classify_GivesTheNarrowestExactKind(string text, string kind)
    {
        Assert.Equal(kind, ValueParser.Classify(Encoding.UTF8.GetBytes(text)).Kind.ToString());
    }

    [Theory]
    [InlineData("2026-11-20T13:05:00Z", "2026-11-20T13:05:00.0000000Z")]
    [InlineData("2026-11-20T13:05:00+02:00", "2026-11-20T11:05:00.0000000Z")]
    [InlineData("2026-11-20T01:30:00-0330", "2026-11-20T05:00:00.0000000Z")]
    [InlineData("2026-11-20T00:30:00+01", "2026-11-19T23:30:00.0000000Z")]
    [InlineData("2026-11-20 13:05:00.5", "2026-11-20T13:05:00.5000000Z")]
    [InlineData("2026-11-20T13:05:00.1234567", "2026-11-20T13:05:00.1234560Z")]
    [InlineData("2026-11-20T13:05", "2026-11-20T13:05:00.0000000Z")]
    [InlineData("2026-11-20", "2026-11-20T00:00:00.0000000Z")]
    [InlineData("1969-12-31T23:59:59.999999Z", "1969-12-31T23:59:59.9999990Z")]
    public void TryParseTimestamp_ConvertsToUtc_AndTreatsNoOffsetAsUtc(string text, string utc)
    {
        Assert.True(ValueParser.TryParseTimestamp(Encoding.UTF8.GetBytes(text), out var micros));
        Assert.Equal(utc, ValueParser.ToDateTime(micros).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("12.50", 1250, 2, 2)]
    [InlineData("-0.05", -5, 2, 0)]
    [InlineData("007", 7, 0, 1)]
    [InlineData(" +3.0 ", 30, 1, 1)]
    [InlineData("123456789012345678", 123456789012345678, 0, 18)]
    public void TryParseDecimal_IsExact(string text, long unscaled, int scale, int integerDigits)
    {
        Assert.True(ValueParser.TryParseDecimal(Encoding.UTF8.GetBytes(text), out var u, out var s, out var d));
        Assert.Equal((unscaled, scale, integerDigits), (u, s, d));
    }

    [Theory]
    [InlineData("1234567890123456789")]
    [InlineData("1e3")]
    [InlineData("1.")]
    [InlineData("-")]
    public void TryParseDecimal_RejectsWhatIsNotAPlainDecimalOf18Digits(string text)
    {
        Assert.False(ValueParser.TryParseDecimal(Encoding.UTF8.GetBytes(text), out _, out _, out _));
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("12.345678901234567")]
    [InlineData("-2.5E-3")]
    [InlineData("123456789012345")]
    [InlineData("1.7976931348623157E+308")]
    public void TryParseDouble_MatchesTheRuntimeParser(string text)
    {
        Assert.True(ValueParser.TryParseDouble(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void TryParseDouble_OfDoublesPrintedInFull_MatchesTheRuntimeParser()
    {
        // 16 and 17 significant digits: the fast path takes those up to 2^53, the runtime parser the rest.
        var random = new Random(13);
        for (var i = 0; i < 20_000; i++)
        {
            var text = (random.NextDouble() * Math.Pow(10, random.Next(-3, 6))).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            if (text.Contains('E', StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(ValueParser.TryParseDouble(Encoding.UTF8.GetBytes(text), out var value));
            Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), value);
        }

        foreach (var text in new[] { "9007199254740992", "9007199254740993", "0.9007199254740993", "-900719925474099.3", "123456789012345678", "1234567890123456789.5" })
        {
            Assert.True(ValueParser.TryParseDouble(Encoding.UTF8.GetBytes(text), out var value));
            Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), value);
        }
    }

    [Fact]
    public void TryParseDouble_OfLongMantissas_IsBitForBitTheRuntimeParsers()
    {
        // 16 to 18 digits at every scale the plain path takes (0 to 22), and integers exactly halfway
        // between two doubles (round to even), signed: the Eisel-Lemire path must agree on every bit.
        var random = new Random(2026);
        var texts = new List<string>();
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(16, 19);
            var mantissa = random.NextInt64((long)Math.Pow(10, digits - 1), (long)Math.Pow(10, digits) - 1);
            var text = mantissa.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var scale = random.Next(0, 23);
            text = scale == 0 ? text : scale >= text.Length ? "0." + new string('0', scale - text.Length) + text : text.Insert(text.Length - scale, ".");
            texts.Add(random.Next(2) == 0 ? text : "-" + text);
        }

        for (var k = 1; k < 7; k++)
        {
            for (var i = 0; i < 2_000; i++)
            {
                // Above 2^(53 + k) doubles are 2^(k + 1) apart: an odd multiple of 2^k is exactly between two.
                var halfway = ((1L << (53 + k)) + (random.NextInt64(1L << 20) << (k + 1))) | (1L << k);
                texts.Add(halfway.ToString(System.Globalization.CultureInfo.InvariantCulture));
                texts.Add((halfway + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                texts.Add((halfway - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var text in texts)
        {
            Assert.True(ValueParser.TryParseDouble(Encoding.UTF8.GetBytes(text), out var value), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
        }
    }

    [Fact]
    public void TryParseDouble_FastPath_IsCorrectlyRounded()
    {
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var text = (random.NextDouble() * Math.Pow(10, random.Next(-5, 10))).ToString("G15", System.Globalization.CultureInfo.InvariantCulture);
            if (text.Contains('E', StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(ValueParser.TryParseDouble(Encoding.UTF8.GetBytes(text), out var value));
            Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), value);
        }
    }
}
