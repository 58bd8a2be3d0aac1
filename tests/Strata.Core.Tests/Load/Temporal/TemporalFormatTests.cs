using System.Globalization;
using System.Text;
using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Load.Temporal;

namespace Strata.Tests.Load.Temporal;

public sealed class TemporalFormatTests
{
    [Theory]
    [InlineData("%b %d %Y", "Jan 1 2000", "2000-01-01T00:00:00")]
    [InlineData("%b %d %Y", "SEPT 30 2000", "2000-09-30T00:00:00")]
    [InlineData("%B %d, %Y", "september 3, 2001", "2001-09-03T00:00:00")]
    [InlineData("%d-%b-%Y", "01-Feb-1999", "1999-02-01T00:00:00")]
    [InlineData("%a, %d %b %Y %H:%M:%S %z", "Mon, 03 Jan 2000 10:00:00 GMT", "2000-01-03T10:00:00")]
    [InlineData("%Y/%m/%d %H:%M:%S", "2015/01/01 01:00:00", "2015-01-01T01:00:00")]
    [InlineData("%Y/%m/%d %H:%M:%S", "2015/1/5 1:02:03.25", "2015-01-05T01:02:03.25")]
    [InlineData("%d.%m.%Y %H:%M", "31.12.1999 23:59", "1999-12-31T23:59:00")]
    [InlineData("%m/%d/%Y %I:%M %p", "1/2/2000 12:05 AM", "2000-01-02T00:05:00")]
    [InlineData("%m/%d/%Y %I:%M %p", "1/2/2000 12:05PM", "2000-01-02T12:05:00")]
    [InlineData("%m/%d/%Y %I:%M %p", "1/2/2000 1:05 p.m.", "2000-01-02T13:05:00")]
    [InlineData("%Y-%m-%dT%H:%M:%S%z", "2000-01-01T10:00:00+05:30", "2000-01-01T04:30:00")]
    [InlineData("%Y-%m-%dT%H:%M:%S%z", "2000-01-01T10:00:00-0100", "2000-01-01T11:00:00")]
    [InlineData("%Y-%m-%d %H:%M:%S %z", "2000-01-01 10:00:00 UTC+01", "2000-01-01T09:00:00")]
    [InlineData("%H:%M:%S.%f %d/%m/%y", "10:00:00.123456789 05/06/07", "2007-06-05T10:00:00.123456")]
    [InlineData("%d/%m/%y", "05/06/69", "1969-06-05T00:00:00")]
    [InlineData("%F %T", "2026-11-20 13:05:09", "2026-11-20T13:05:09")]
    [InlineData("%Y%m%d", "20150105", "2015-01-05T00:00:00")]
    [InlineData("epoch", "946684800", "2000-01-01T00:00:00")]
    [InlineData("epoch", "-1.5", "1969-12-31T23:59:58.5")]
    [InlineData("epoch_ms", "946684800123", "2000-01-01T00:00:00.123")]
    [InlineData("epoch_ms", " 946684800123.5 ", "2000-01-01T00:00:00.1235")]
    public void Parse_ReadsTheValue_AsUtc(string pattern, string text, string expected)
    {
        var format = TemporalFormat.Compile(pattern);

        Assert.True(format.TryParse(Encoding.UTF8.GetBytes(text), out var micros));

        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), ValueParser.ToDateTime(micros));
    }

    [Theory]
    [InlineData("%b %d %Y", "Jan 32 2000")]
    [InlineData("%b %d %Y", "Janx 1 2000")]
    [InlineData("%b %d %Y", "Jan 1 2000 extra")]
    [InlineData("%d/%m/%Y", "29/02/2001")]
    [InlineData("%d/%m/%Y", "1/13/2000")]
    [InlineData("%Y/%m/%d %H:%M:%S", "2015/01/01 24:00:00")]
    [InlineData("%m/%d/%Y %I:%M %p", "1/2/2000 13:05 PM")]
    [InlineData("%m/%d/%Y %I:%M %p", "1/2/2000 0:05 AM")]
    [InlineData("%H:%M:%S.%f %d/%m/%Y", "10:00:00.1234567890 05/06/2007")]
    [InlineData("%Y-%m-%d", "9999-12-31x")]
    [InlineData("epoch", "253402300800")]
    [InlineData("epoch", "12a")]
    [InlineData("epoch_ms", "")]
    public void Parse_RejectsWhatTheFormatDoesNotDescribe(string pattern, string text)
    {
        Assert.False(TemporalFormat.Compile(pattern).TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("%d/%m", "needs a year")]
    [InlineData("%Y %Y-%m-%d", "more than one a year")]
    [InlineData("%Y-%m-%d %I:%M", "%I (12-hour clock) and %p")]
    [InlineData("%Y-%m-%d %q", "'%q' is not a supported directive")]
    [InlineData("%Y-%m-%d %", "lone '%'")]
    [InlineData("%Y-%m-%d %z", "%z needs a time of day")]
    [InlineData("%Y-%m-%d %M", "%M needs an hour")]
    public void Compile_NamesWhatIsWrong(string pattern, string problem)
    {
        Assert.False(TemporalFormat.TryCompile(pattern, out _, out var error));
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Contains($"'{pattern}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%d/%m/%Y", false)]
    [InlineData("%b %d %Y %H:%M", true)]
    [InlineData("epoch_ms", true)]
    public void HasTime_SaysWhetherValuesCarryATimeOfDay(string pattern, bool hasTime) =>
        Assert.Equal(hasTime, TemporalFormat.Compile(pattern).HasTime);

    [Theory]
    [InlineData(DateOrder.DayFirst, new[] { "01/02/2000", "03/04/2000" }, "%d/%m/%Y")]
    [InlineData(DateOrder.MonthFirst, new[] { "01/02/2000", "03/04/2000" }, "%m/%d/%Y")]
    [InlineData(DateOrder.MonthFirst, new[] { "01/02/2000", "13/04/2000" }, "%d/%m/%Y")]
    [InlineData(DateOrder.DayFirst, new[] { "01/02/2000", "03/14/2000" }, "%m/%d/%Y")]
    [InlineData(DateOrder.DayFirst, new[] { "Jan 1 2000", "Feb 14 2001" }, "%b %d %Y")]
    [InlineData(DateOrder.DayFirst, new[] { "2015/01/01 01:00:00", "2015/06/30 23:59:59.5" }, "%Y/%m/%d %H:%M:%S")]
    [InlineData(DateOrder.DayFirst, new[] { "1/2/2000 1:05 PM", "3/4/2000 11:00 AM" }, "%d/%m/%Y %I:%M%p")]
    [InlineData(DateOrder.DayFirst, new[] { "31.12.1999 23:59:59+01:00", "01.01.2000 00:00:00Z" }, "%d.%m.%Y %H:%M:%S%z")]
    [InlineData(DateOrder.DayFirst, new[] { "Mon, 03 Jan 2000 10:00:00 GMT" }, "%a, %d %b %Y %H:%M:%S%z")]
    public void Sniffer_FindsTheFormatEveryValueShares_TheDeclaredOrderBreakingTies(DateOrder order, string[] values, string expected)
    {
        var sniffer = TemporalSniffer.Start(Encoding.UTF8.GetBytes(values[0]), order)!;

        Assert.All(values.Skip(1), v => Assert.True(sniffer.Add(Encoding.UTF8.GetBytes(v))));

        Assert.Equal(expected, sniffer.Best.Pattern);
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("12:30")]
    [InlineData("01/02/03")]
    [InlineData("2000")]
    public void Sniffer_DoesNotGuess_TextThatIsNoDate(string value) =>
        Assert.Null(TemporalSniffer.Start(Encoding.UTF8.GetBytes(value), DateOrder.DayFirst));
}
