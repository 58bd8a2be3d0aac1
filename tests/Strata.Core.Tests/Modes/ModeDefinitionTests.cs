using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Testing;
using Strata.Validation;

namespace Strata.Tests.Modes;

public sealed class ModeDefinitionTests : IDisposable
{
    private const string Source = """
        sources:
          orders:
            landing: shop/orders/
            partition: { column: ts, grain: day }
        """;

    private readonly TestPipelines _pipelines = new();

    public void Dispose() => _pipelines.Dispose();

    [Fact]
    public void UpsertSource_ReadsKeySequenceAndMarker_AndMakesKeyAndSequenceRequired()
    {
        var source = Read("""
                mode: upsert
                key: [region, id]
                sequence: version
                delete_marker: deleted
                schema:
                  id: int64
            """);

        Assert.Equal(SourceMode.Upsert, source.Mode);
        Assert.Equal(["region", "id"], source.Upsert!.Key);
        Assert.Equal(("version", "deleted", "true"), (source.Upsert.Sequence, source.Upsert.DeleteColumn, source.Upsert.DeleteValue));
        Assert.Equal([("id", ColumnType.Int64, true), ("region", (ColumnType?)null, true), ("version", null, true)], source.Schema.Select(h => (h.Name, h.Type, h.Required)));
    }

    [Fact]
    public void SourceWithoutMode_IsAppend()
    {
        var source = Read("");

        Assert.Equal((SourceMode.Append, (UpsertRule?)null), (source.Mode, source.Upsert));
    }

    [Theory]
    [InlineData("    mode: merge\n", "pipeline.yaml:5:11: source 'orders'.mode 'merge' is not one of: append, replace, snapshot, upsert")]
    [InlineData("    mode: upsert\n    sequence: v\n", "pipeline.yaml:5:11: source 'orders' uses mode: upsert, so it needs key:")]
    [InlineData("    mode: upsert\n    key: id\n", "pipeline.yaml:5:11: source 'orders' uses mode: upsert, so it needs sequence:")]
    [InlineData("    mode: snapshot\n    key: id\n", "pipeline.yaml:6:10: source 'orders'.key is only used by mode: upsert (this source is mode: snapshot)")]
    [InlineData("    key: id\n", "pipeline.yaml:5:10: source 'orders'.key is only used by mode: upsert (this source is mode: append)")]
    [InlineData("    mode: upsert\n    key: [id, id]\n    sequence: v\n", "pipeline.yaml:6:15: source 'orders'.key names 'id' twice")]
    [InlineData("    mode: upsert\n    key: [id]\n    sequence: id\n", "pipeline.yaml:7:15: source 'orders'.sequence 'id' is also a key column")]
    [InlineData("    mode: upsert\n    key: id\n    sequence: v\n    delete_marker: { column: v, value: D }\n", "pipeline.yaml:8:30: source 'orders'.delete_marker 'v' is also a key or sequence column")]
    [InlineData("    mode: upsert\n    key: id\n    sequence: v\n    pii:\n      id: drop\n", "pipeline.yaml:6:10: source 'orders' names column 'id' for upsert, but its pii: rule drops it")]
    public void BadModeOption_FailsWithFileLineColumnAndWhatIsWrong(string extra, string expected)
    {
        _pipelines.Write("shop", Source + "\n" + extra);

        var error = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(_pipelines.Root));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrictUpsertNamingAnUndeclaredColumn_IsReportedByValidate()
    {
        _pipelines.Write("shop", Source + """

                drift: strict
                schema:
                  id: int64
                  ts: timestamp
                mode: upsert
                key: id
                sequence: version
            """);

        var problems = DefinitionValidator.Validate(_pipelines.Root);

        Assert.Equal(["pipeline.yaml:11:15: source 'orders' names column 'version' for upsert, but its schema: does not declare it (drift: strict loads only declared columns)"],
            problems.Select(p => p[p.IndexOf("pipeline.yaml", StringComparison.Ordinal)..]));
    }

    [Fact]
    public void LoadSpec_OfAnAppendSource_IsUnchangedByModes_AndEveryModeOptionChangesIt()
    {
        var append = LoadSpec.Hash(Read(""), "");

        string[] others =
        [
            LoadSpec.Hash(Read("    mode: replace\n"), ""),
            LoadSpec.Hash(Read("    mode: snapshot\n"), ""),
            LoadSpec.Hash(Read("    mode: upsert\n    key: id\n    sequence: v\n"), ""),
            LoadSpec.Hash(Read("    mode: upsert\n    key: [id, region]\n    sequence: v\n"), ""),
            LoadSpec.Hash(Read("    mode: upsert\n    key: id\n    sequence: w\n"), ""),
            LoadSpec.Hash(Read("    mode: upsert\n    key: id\n    sequence: v\n    delete_marker: gone\n"), ""),
            LoadSpec.Hash(Read("    mode: upsert\n    key: id\n    sequence: v\n    delete_marker: { column: gone, value: Y }\n"), ""),
        ];

        Assert.Equal(append, LoadSpec.Hash(Read("    mode: append\n"), ""));
        Assert.Equal(others.Length + 1, others.Append(append).Distinct().Count());
    }

    private SourceDefinition Read(string extra)
    {
        _pipelines.Write("shop", Source + "\n" + extra);
        return PipelineCatalog.Load(_pipelines.Root).Get("shop").FindSource("orders")!;
    }
}
