using Strata.Definitions;
using Strata.Lake.Delta;

namespace Strata.Tests.Lake;

public sealed class DeltaTypeTests
{
    [Theory]
    [InlineData("long", "decimal(18,2)", "decimal(18,2)")]
    [InlineData("decimal(18,2)", "decimal(18,4)", "decimal(18,4)")]
    [InlineData("integer", "long", "long")]
    [InlineData("decimal(18,2)", "double", "double")]
    [InlineData("long", "float", "double")]
    [InlineData("date", "timestamp", "timestamp")]
    [InlineData("date", "timestamp_ntz", "timestamp_ntz")]
    [InlineData("timestamp", "timestamp_ntz", "timestamp")]
    [InlineData("boolean", "long", "string")]
    [InlineData("double", "string", "string")]
    [InlineData("date", "long", "string")]
    public void Join_FollowsLoadsLattice_ExtendedToSqlTypes(string a, string b, string expected)
    {
        Assert.Equal(expected, DeltaType.Join(DeltaType.Parse(a), DeltaType.Parse(b)).Text);
        Assert.Equal(expected, DeltaType.Join(DeltaType.Parse(b), DeltaType.Parse(a)).Text);
    }

    [Fact]
    public void Protocol_IsReader1Writer2_UnlessATimestampWithoutTimeZoneNeedsItsFeature()
    {
        var plain = Protocol.For(DeltaSchema.Of([("ts", DeltaType.Timestamp)]));
        var naive = Protocol.For(DeltaSchema.Of([("ts", DeltaType.TimestampNtz)]));

        Assert.Equal((1, 2, null), (plain.MinReaderVersion, plain.MinWriterVersion, plain.ReaderFeatures));
        Assert.Equal((3, 7), (naive.MinReaderVersion, naive.MinWriterVersion));
        Assert.Equal([Protocol.TimestampNtz], naive.ReaderFeatures!);
        Assert.Equal([Protocol.TimestampNtz], naive.WriterFeatures!);
    }

    [Fact]
    public void PartitionValues_DayKeysAreDates_OtherKeysStrings_PathsRelativeToTheTable()
    {
        Assert.Equal(DeltaType.Date, PartitionValues.ColumnOf(new PartitionKeySpec("order_date", "ts", Grain.Day, false))!.Value.Type);
        Assert.Equal(DeltaType.String, PartitionValues.ColumnOf(new PartitionKeySpec("event_hour", "ts", Grain.Hour, false))!.Value.Type);
        Assert.Null(PartitionValues.ColumnOf(PartitionKeySpec.Unpartitioned));
        Assert.Equal("order_date=2026-11-20/part-1-r2.parquet", PartitionValues.FilePath("orders", "orders/order_date=2026-11-20/part-1-r2.parquet"));
        Assert.Equal("orders/a b.parquet", PartitionValues.BlobOf("orders", PartitionValues.FilePath("orders", "orders/a b.parquet")));
    }

    [Fact]
    public void Schema_RoundTripsThroughItsSchemaString_AndJoinsNewColumnsAtTheEnd()
    {
        var first = DeltaSchema.Of([("id", DeltaType.Long), ("amount", DeltaType.Decimal(18, 2))]);
        var second = DeltaSchema.Of([("amount", DeltaType.Double), ("coupon", DeltaType.String)]);

        var joined = first.Join(second);

        Assert.Equal("id long, amount double, coupon string", joined.ToString());
        Assert.True(joined.SameAs(DeltaSchema.Parse(joined.ToSchemaString())));
        Assert.True(joined.DiffersInTypeFrom(first));
        Assert.False(DeltaSchema.Of([("id", DeltaType.Long), ("x", DeltaType.Date)]).DiffersInTypeFrom(first));
    }
}
