using System.Text;
using Strata.Definitions;
using Strata.Load.Schema;

namespace Strata.Tests.Load.Schema;

public sealed class ColumnInferenceTests
{
    [Theory]
    [InlineData(ColumnType.Int64, 0, "1", "22", "")]
    [InlineData(ColumnType.Decimal, 2, "1", "12.50", "3.5")]
    [InlineData(ColumnType.Double, 0, "1", "0.5", "1e3")]
    [InlineData(ColumnType.Double, 0, "123456789012345", "0.0001")]
    [InlineData(ColumnType.Timestamp, 0, "2026-11-20", "2026-11-20T10:00:00Z")]
    [InlineData(ColumnType.String, 0, "2026-11-20", "12")]
    [InlineData(ColumnType.String, 0, "true", "1")]
    [InlineData(ColumnType.String, 0, "1", "abc")]
    [InlineData(ColumnType.Boolean, 0, "True", "false")]
    [InlineData(ColumnType.String, 0, "", "")]
    public void Values_WidenToTheNarrowestCommonType(ColumnType type, int scale, params string[] values)
    {
        var inference = default(ColumnInference);

        foreach (var value in values)
        {
            inference.Add(ValueParser.Classify(Encoding.UTF8.GetBytes(value)));
        }

        Assert.Equal((type, scale), inference.Result);
    }
}
