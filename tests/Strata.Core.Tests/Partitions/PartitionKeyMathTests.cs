using Strata.Definitions;
using Strata.Partitions;

namespace Strata.Tests.Partitions;

public sealed class PartitionKeyMathTests
{
    [Theory]
    [InlineData("9999-12-31", Grain.Day, 1)]
    [InlineData("9999-12-31T23", Grain.Hour, 1)]
    [InlineData("9999-12", Grain.Month, 1)]
    [InlineData("0001-01-01", Grain.Day, -1)]
    [InlineData("0001-01", Grain.Month, -1)]
    public void TryAdd_PastTheCalendarsEnds_IsFalseNotAnException(string key, Grain grain, int periods)
    {
        Assert.False(PartitionKeys.TryAdd(key, grain, periods, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartitionKeys.Add(key, grain, periods));
    }

    [Theory]
    [InlineData("0001-01-03", Grain.Day, 7, "0001-01-01")]
    [InlineData("9999-12-31", Grain.Day, 7, "9999-12-25")]
    [InlineData("0001-02", Grain.Month, 3, "0001-01")]
    public void Window_NearTheStart_BeginsAtTheFirstKey(string key, Grain grain, int size, string from)
    {
        Assert.Equal((from, key), PartitionKeys.Window(key, grain, size));
    }
}
