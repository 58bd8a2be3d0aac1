using Strata.Definitions;
using Strata.Load;
using Strata.Load.Schema;
using Strata.Parquet;
using Strata.Testing;

namespace Strata.Tests.Load.Drift;

/// <summary>Two files of one partition, the second adding a column and widening a type, assembled into one partition.</summary>
public sealed class DriftAssemblyTests
{
    [Fact]
    public async Task SecondFile_AddsAColumnAndWidensAType_AndTheAssembledPartitionHoldsBoth()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Source();
        var first = await harness.ParseTextAsync(source, "day1.csv", "id,amount,entered_at\n1,10,2026-11-20T08:00:00Z\n2,20,2026-11-20T09:00:00Z\n");
        var firstFragment = harness.Sink.FragmentPath("2026-11-20");
        var second = await harness.ParseTextAsync(source, "day1b.csv", "id,amount,entered_at,channel\n3,30.25,2026-11-20T10:00:00Z,web\n");
        var secondFragment = harness.Sink.FragmentPath("2026-11-20");

        var drift = SchemaMerger.Merge(first.Schema, second.Schema);
        var output = Path.Combine(harness.Folder, "partition.parquet");
        var assembled = await PartitionAssembler.AssembleAsync([firstFragment, secondFragment], [first.Fragments[0].OutputHash, second.Fragments[0].OutputHash], output, CancellationToken.None);

        Assert.Equal(
            [new DriftEvent(DriftKind.TypeWidened, "amount", first.Schema.Columns[1], drift.Schema.Columns[1]), new DriftEvent(DriftKind.ColumnAdded, "channel", null, drift.Schema.Columns[3])],
            drift.Events);
        Assert.Equal(drift.Schema, assembled.Schema);
        Assert.False(assembled.Copied);
        Assert.Equal(3, assembled.Rows);
        var rows = await LoadHarness.ReadParquetAsync(output);
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r["id"]));
        Assert.Equal([10m, 20m, 30.25m], rows.Select(r => r["amount"]));
        Assert.Equal([null, null, "web"], rows.Select(r => r["channel"]));
        await using var file = File.OpenRead(output);
        Assert.Equal(await OutputHasher.HashParquetAsync(file, CancellationToken.None), assembled.OutputHash);

        var duck = DuckDbReader.Query($"SELECT id, amount, channel FROM read_parquet({DuckDbReader.Quote(output)}) ORDER BY id");
        Assert.Equal([null, null, "web"], duck.Select(r => r["channel"]));
        Assert.Equal([10m, 20m, 30.25m], duck.Select(r => r["amount"]));
    }

    [Fact]
    public async Task SingleFragment_IsCopiedAsItIs_WithItsHash()
    {
        using var harness = new LoadHarness();
        var outcome = await harness.ParseTextAsync(LoadHarness.Source(), "a.csv", "id,entered_at\n1,2026-11-20T08:00:00Z\n");
        var output = Path.Combine(harness.Folder, "partition.parquet");

        var assembled = await PartitionAssembler.AssembleAsync([harness.Sink.FragmentPath("2026-11-20")], null, output, CancellationToken.None);

        Assert.True(assembled.Copied);
        Assert.Equal(outcome.Fragments[0].OutputHash, assembled.OutputHash);
        Assert.Equal(outcome.Schema, assembled.Schema);
        Assert.Equal(await File.ReadAllBytesAsync(harness.Sink.FragmentPath("2026-11-20")), await File.ReadAllBytesAsync(output));
    }

    [Fact]
    public async Task SingleFragment_CopiedOverAnOldFile_IsAFileOfItsOwn()
    {
        using var harness = new LoadHarness();
        var outcome = await harness.ParseTextAsync(LoadHarness.Source(), "a.csv", "id,entered_at\n1,2026-11-20T08:00:00Z\n2,2026-11-20T09:00:00Z\n");
        var fragment = harness.Sink.FragmentPath("2026-11-20");
        var output = Path.Combine(harness.Folder, "partition.parquet");
        await File.WriteAllTextAsync(output, "an older, longer file that the copy must replace entirely, not overwrite in part");
        var fragmentBytes = await File.ReadAllBytesAsync(fragment);

        var assembled = await PartitionAssembler.AssembleAsync([fragment], [outcome.Fragments[0].OutputHash], output, CancellationToken.None);
        await File.WriteAllTextAsync(fragment, "the fragment reused afterwards");

        // The assembled partition is immutable: neither a link to the fragment nor the fragment moved.
        Assert.True(assembled.Copied);
        Assert.Equal(fragmentBytes, await File.ReadAllBytesAsync(output));
        Assert.Equal(2, assembled.Rows);
        await using var file = File.OpenRead(output);
        Assert.Equal(await OutputHasher.HashParquetAsync(file, CancellationToken.None), assembled.OutputHash);
        Assert.Equal([1L, 2L], DuckDbReader.Query($"SELECT id FROM read_parquet({DuckDbReader.Quote(output)}) ORDER BY id").Select(r => r["id"]));
    }

    [Fact]
    public async Task WidenedToString_OldValuesKeepTheirTextForm()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Unpartitioned();
        await harness.ParseTextAsync(source, "a.csv", "v,d\n12.50,2026-11-20\n7,2026-11-21\n");
        var a = harness.Sink.FragmentPath("all");
        await harness.ParseTextAsync(source, "b.csv", "v,d\nn/a,2026-11-22T10:30:00Z\n");
        var b = harness.Sink.FragmentPath("all");
        var output = Path.Combine(harness.Folder, "partition.parquet");

        var assembled = await PartitionAssembler.AssembleAsync([a, b], null, output, CancellationToken.None);

        Assert.Equal([ColumnType.String, ColumnType.Timestamp], assembled.Schema.Columns.Select(c => c.Type));
        var rows = await LoadHarness.ReadParquetAsync(output);
        Assert.Equal(["12.50", "7.00", "n/a"], rows.Select(r => r["v"]));
        Assert.Equal(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), rows[0]["d"]);
    }

    [Fact]
    public async Task MergedDecimal_ThatCannotHoldAnOldValue_BecomesDouble()
    {
        using var harness = new LoadHarness();
        var source = LoadHarness.Unpartitioned();
        await harness.ParseTextAsync(source, "a.csv", "v\n123456789012345678\n");
        var a = harness.Sink.FragmentPath("all");
        await harness.ParseTextAsync(source, "b.csv", "v\n0.25\n");
        var b = harness.Sink.FragmentPath("all");
        var output = Path.Combine(harness.Folder, "partition.parquet");

        var assembled = await PartitionAssembler.AssembleAsync([a, b], null, output, CancellationToken.None);

        Assert.Equal(ColumnType.Decimal, SchemaMerger.Merge(new SourceSchema([new SchemaColumn("v", ColumnType.Int64, 0, true)]), new SourceSchema([new SchemaColumn("v", ColumnType.Decimal, 2, true)])).Schema.Columns[0].Type);
        Assert.Equal(ColumnType.Double, Assert.Single(assembled.Schema.Columns).Type);
        Assert.Equal([123456789012345678d, 0.25d], (await LoadHarness.ReadParquetAsync(output)).Select(r => r["v"]));
    }
}
