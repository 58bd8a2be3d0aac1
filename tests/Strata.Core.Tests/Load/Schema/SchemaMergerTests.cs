using Strata.Definitions;
using Strata.Load.Schema;

namespace Strata.Tests.Load.Schema;

public sealed class SchemaMergerTests
{
    private static readonly SourceSchema s_v1 = new(
    [
        new SchemaColumn("id", ColumnType.Int64, 0, false),
        new SchemaColumn("amount", ColumnType.Int64, 0, true),
        new SchemaColumn("day", ColumnType.Date, 0, true),
    ]);

    [Fact]
    public void Merge_AddedColumnAndWidenedTypes_AreDriftEvents()
    {
        var incoming = new SourceSchema(
        [
            new SchemaColumn("id", ColumnType.Int64, 0, false),
            new SchemaColumn("amount", ColumnType.Decimal, 2, true),
            new SchemaColumn("day", ColumnType.Timestamp, 0, true),
            new SchemaColumn("channel", ColumnType.String, 0, false),
        ]);

        var merged = SchemaMerger.Merge(s_v1, incoming);

        Assert.Equal(
            [
                new SchemaColumn("id", ColumnType.Int64, 0, false),
                new SchemaColumn("amount", ColumnType.Decimal, 2, true),
                new SchemaColumn("day", ColumnType.Timestamp, 0, true),
                new SchemaColumn("channel", ColumnType.String, 0, true),
            ],
            merged.Schema.Columns);
        Assert.Equal(
            [
                new DriftEvent(DriftKind.TypeWidened, "amount", s_v1.Columns[1], merged.Schema.Columns[1]),
                new DriftEvent(DriftKind.TypeWidened, "day", s_v1.Columns[2], merged.Schema.Columns[2]),
                new DriftEvent(DriftKind.ColumnAdded, "channel", null, merged.Schema.Columns[3]),
            ],
            merged.Events);
        Assert.Equal("type widened: amount int64 -> amount decimal(18,2)", merged.Events[0].ToString());
    }

    [Fact]
    public void Merge_OfTheSameOrANarrowerSchema_ChangesNothing()
    {
        var narrower = new SourceSchema([new SchemaColumn("amount", ColumnType.Int64, 0, true)]);

        var merged = SchemaMerger.Merge(s_v1, narrower);

        Assert.False(merged.Changed);
        Assert.Same(s_v1, merged.Schema);
        Assert.Equal(s_v1.Hash, SchemaMerger.Merge(s_v1, s_v1).Schema.Hash);
    }

    [Theory]
    [InlineData(ColumnType.Int64, ColumnType.Double, ColumnType.Double)]
    [InlineData(ColumnType.Boolean, ColumnType.Int64, ColumnType.String)]
    [InlineData(ColumnType.Date, ColumnType.Int64, ColumnType.String)]
    [InlineData(ColumnType.Decimal, ColumnType.Double, ColumnType.Double)]
    [InlineData(ColumnType.Timestamp, ColumnType.String, ColumnType.String)]
    public void Merge_FollowsTheWideningChains(ColumnType a, ColumnType b, ColumnType expected)
    {
        var merged = SchemaMerger.Merge(new SourceSchema([new SchemaColumn("x", a, 0, true)]), new SourceSchema([new SchemaColumn("x", b, 0, true)]));

        Assert.Equal(expected, merged.Schema.Columns[0].Type);
        Assert.Equal(merged.Schema, SchemaMerger.Merge(new SourceSchema([new SchemaColumn("x", b, 0, true)]), new SourceSchema([new SchemaColumn("x", a, 0, true)])).Schema);
    }

    [Fact]
    public void Merge_AColumnWithoutValues_ChangesNothingThatExists_AndIsTypedByItsFirstValues()
    {
        var noValues = new SourceSchema([new SchemaColumn("amount", ColumnType.String, 0, true) { NoValues = true }, new SchemaColumn("note", ColumnType.String, 0, true) { NoValues = true }]);

        var onExisting = SchemaMerger.Merge(s_v1, noValues);
        var typed = SchemaMerger.Merge(onExisting.Schema, new SourceSchema([new SchemaColumn("note", ColumnType.Boolean, 0, true)]));

        Assert.Equal(s_v1.Columns.Append(new SchemaColumn("note", ColumnType.String, 0, true) { NoValues = true }), onExisting.Schema.Columns);
        Assert.Equal("column added: note (no values)", Assert.Single(onExisting.Events).ToString());
        Assert.Equal(new SchemaColumn("note", ColumnType.Boolean, 0, true), typed.Schema.Find("note"));
        Assert.Equal("column typed: note (no values) -> note boolean", Assert.Single(typed.Events).ToString());
        Assert.False(SchemaMerger.Merge(typed.Schema, noValues).Changed);
    }

    [Fact]
    public void Merge_ADateInAnotherFormat_IsAFormatChange_AndTheHashSeesIt()
    {
        var slashes = new SourceSchema([new SchemaColumn("day", ColumnType.Date, 0, true) { Format = "%d/%m/%Y" }]);
        var iso = new SourceSchema([new SchemaColumn("day", ColumnType.Date, 0, true)]);

        var merged = SchemaMerger.Merge(slashes, iso);

        Assert.Equal("format changed: day date '%d/%m/%Y' -> day date", Assert.Single(merged.Events).ToString());
        Assert.Equal(DriftKind.FormatChanged, merged.Events[0].Kind);
        Assert.NotEqual(slashes.Hash, iso.Hash);
        Assert.Equal(iso.Hash, new SourceSchema([new SchemaColumn("day", ColumnType.Date, 0, true)]).Hash);
        Assert.False(SchemaMerger.Merge(slashes, slashes).Changed);
    }
}
