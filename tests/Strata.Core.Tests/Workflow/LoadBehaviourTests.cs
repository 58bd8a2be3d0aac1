using System.Text.Json;
using Strata.Schemas;
using Strata.Storage;
using Strata.Testing;
using Strata.Workflow;

namespace Strata.Tests.Workflow;

[Collection(AzuriteCollection.Name)]
public sealed class LoadBehaviourTests(AzuriteFixture azurite) : ShopLakeTest(azurite)
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(3, 1)]
    public async Task StoppedRun_WhenRerun_BuildsOnlyTheRestWithoutDuplicates(int perActivity, int stopAfter)
    {
        await Lake.ReopenAsync(new Dictionary<string, string?> { ["Strata:Workflow:PartitionsPerActivity"] = $"{perActivity}" });
        var activity = perActivity == 1 ? WorkflowNames.BuildLoadPartition : WorkflowNames.BuildLoadPartitions;
        var rows = Enumerable.Range(1, 40).Select(i => (i, $"2026-11-{1 + (i % 10):D2}T{i % 24:D2}:00:00Z", $"u{i}@x.com", "1.00")).ToList();
        var csv = Pipelines.Orders([.. rows]) + "41,not-a-time,bad@x.com,1.00\n42,2026-11-03T00:00:00Z\n";
        await Lake.LandAsync("shop/orders/big.csv", csv);
        using var stop = new CancellationTokenSource();
        var built = 0;
        Lake.Host.ActivityCompleted += name =>
        {
            if (name == activity && Interlocked.Increment(ref built) == stopAfter)
            {
                stop.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Lake.RunAsync("shop", ct: stop.Token));
        var committed = (await Lake.Get<Strata.Partitions.PartitionStore>().ListHashesAsync("orders", CancellationToken.None)).Count;
        var rerun = await Lake.RunAsync("shop");

        Assert.InRange(committed, perActivity * stopAfter, 9);
        Assert.Equal(10 - committed, rerun.Datasets.Single(d => d.Dataset == "orders").Built);
        var all = DuckDbReader.Query(await UnionOfPartitionsAsync("orders"));
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Select(r => r["order_id"]).Distinct().Count());
    }

    [Fact]
    public async Task SameFileLandedTwice_YieldsOneRawBlobAndOneLoad()
    {
        var csv = Pipelines.Orders((1, "2026-11-20T10:00:00Z", "a@x.com", "1.50"));
        var first = await Lake.LandAsync("shop/orders/monday.csv", csv);
        var second = await Lake.LandAsync("shop/orders/monday-again.csv", csv);
        var run = await Lake.RunAsync("shop");

        Assert.Equal(Strata.Land.LandOutcome.Landed, first.Outcome);
        Assert.Equal(Strata.Land.LandOutcome.Duplicate, second.Outcome);
        Assert.Single(await Lake.BlobsAsync(LakeContainers.Raw, "orders/"));
        Assert.Empty(await Lake.BlobsAsync(LakeContainers.Landing));
        Assert.Equal(1, run.Datasets.Single(d => d.Dataset == "orders").BlobsParsed);
        Assert.Single(await Lake.ReadAsync("orders", "2026-11-20"));
    }

    [Fact]
    public async Task Drift_SecondFileAddsAColumnAndWidensAType_BothLoadUnderSchemaVersion2()
    {
        await Lake.LandAsync("shop/orders/a.csv", "order_id,ts,qty\n1,2026-11-20T10:00:00Z,3\n");
        await Lake.RunAsync("shop");
        await Lake.LandAsync("shop/orders/b.csv", "order_id,ts,qty,coupon\n2,2026-11-21T10:00:00Z,2.5,WINTER\n");

        var run = await Lake.RunAsync("shop");

        var drift = run.Datasets.Single(d => d.Dataset == "orders").DriftEvents;
        Assert.Contains(drift, e => e.Contains("column added: coupon", StringComparison.Ordinal));
        Assert.Contains(drift, e => e.Contains("type widened: qty", StringComparison.Ordinal));
        var (version, schema, _) = await Lake.Get<SchemaStore>().CurrentAsync("orders", CancellationToken.None);
        Assert.Equal(2, version);
        Assert.Equal(["order_id", "ts", "qty", "coupon"], schema.Columns.Select(c => c.Name));
        Assert.Equal(2, (await Lake.PartitionAsync("orders", "2026-11-21"))!.SchemaVersion);
        var both = DuckDbReader.Query(await UnionOfPartitionsAsync("orders") + " ORDER BY order_id");
        Assert.Null(both[0]["coupon"]);
        Assert.Equal("WINTER", both[1]["coupon"]);
        Assert.Equal(2.5, Convert.ToDouble(both[1]["qty"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task BadRows_AreQuarantinedWithReasonAndLine_AndGoodRowsOfTheSameFileLoad()
    {
        var csv = "order_id,ts,email\n1,2026-11-20T10:00:00Z,a@x.com\n,2026-11-20T11:00:00Z,b@x.com\n3,2026-11-20T12:00:00Z,c@x.com,extra\n4,2026-11-20T13:00:00Z,d@x.com\n";
        await Lake.LandAsync("shop/orders/mixed.csv", csv);

        var run = await Lake.RunAsync("shop");

        var orders = run.Datasets.Single(d => d.Dataset == "orders");
        Assert.Equal(2, orders.RowsQuarantined);
        Assert.Equal([1L, 4L], (await Lake.ReadAsync("orders", "2026-11-20", "order_id")).Select(r => Convert.ToInt64(r["order_id"], System.Globalization.CultureInfo.InvariantCulture)));
        var page = await Lake.Get<Strata.Status.QuarantineReader>().ReadAsync("shop", null, 10, CancellationToken.None);
        Assert.Equal([3L, 4L], page.Records.Select(r => r.Line));
        Assert.Contains("order_id", page.Records[0].Reason, StringComparison.Ordinal);
        Assert.Contains("b@x.com", page.Records[0].Raw, StringComparison.Ordinal);
        Assert.All(page.Records, r => Assert.StartsWith("raw/orders/", r.RawBlob, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PiiColumn_IsTokenisedInLoad_DeterministicAndUntouchedInRaw()
    {
        await Lake.LandAsync("shop/orders/a.csv", Pipelines.Orders((1, "2026-11-20T10:00:00Z", "ann@x.com", "1"), (2, "2026-11-20T11:00:00Z", "ann@x.com", "2"), (3, "2026-11-20T12:00:00Z", "bo@x.com", "3")));

        await Lake.RunAsync("shop");

        var rows = await Lake.ReadAsync("orders", "2026-11-20", "order_id");
        var tokens = rows.Select(r => (string)r["email"]!).ToList();
        Assert.Equal(tokens[0], tokens[1]);
        Assert.NotEqual(tokens[0], tokens[2]);
        Assert.All(tokens, t => Assert.DoesNotContain("@", t, StringComparison.Ordinal));
        var raw = await Lake.DownloadAsync(LakeContainers.Raw, (await Lake.BlobsAsync(LakeContainers.Raw, "orders/")).Single());
        Assert.Contains("ann@x.com", await File.ReadAllTextAsync(raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartitionOfOneFragment_IsCopiedInStorage_ByteForByteTheFragment()
    {
        await Lake.LandAsync("shop/refunds/one.jsonl", """
            {"id":1,"ts":"2026-11-20T10:00:00Z","amount":"12.50","ok":true,"note":"only"}
            """);

        await Lake.RunAsync("shop");

        var record = await Lake.PartitionAsync("refunds", "2026-11-20");
        var fragment = Assert.Single(await Lake.BlobsAsync(Strata.Fragments.FragmentPaths.Container, "fragments/refunds/"));
        var copied = await File.ReadAllBytesAsync(await Lake.DownloadAsync(LakeContainers.Load, record!.OutputPath));
        Assert.Equal(await File.ReadAllBytesAsync(await Lake.DownloadAsync(Strata.Fragments.FragmentPaths.Container, fragment)), copied);
        Assert.Equal("only", Assert.Single(await Lake.ReadAsync("refunds", "2026-11-20"))["note"]);
    }

    [Fact]
    public async Task LoadParquet_ReadByDuckDb_HasIdenticalRows()
    {
        await Lake.LandAsync("shop/refunds/r.jsonl", """
            {"id":1,"ts":"2026-11-20T10:00:00+02:00","amount":"12.50","ok":true,"note":"first"}
            {"id":2,"ts":"2026-11-20T23:30:00Z","amount":"0.05","ok":false,"note":null}
            """);

        await Lake.RunAsync("shop");

        var rows = await Lake.ReadAsync("refunds", "2026-11-20", "id");
        Assert.Equal(2, rows.Count);
        Assert.Equal(1L, Convert.ToInt64(rows[0]["id"], System.Globalization.CultureInfo.InvariantCulture));
        var ts = rows[0]["ts"] switch { DateTimeOffset o => o.UtcDateTime, DateTime d => d, var other => throw new InvalidCastException($"{other}") };
        Assert.Equal(new DateTime(2026, 11, 20, 8, 0, 0), new DateTime(ts.Ticks));
        Assert.Equal(12.50m, Convert.ToDecimal(rows[0]["amount"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(true, rows[0]["ok"]);
        Assert.Equal("first", rows[0]["note"]);
        Assert.Null(rows[1]["note"]);
        Assert.Equal(0.05m, Convert.ToDecimal(rows[1]["amount"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<string> UnionOfPartitionsAsync(string dataset)
    {
        var files = new List<string>();
        await foreach (var p in Lake.Get<Strata.Partitions.PartitionStore>().ListAsync(dataset, CancellationToken.None))
        {
            files.Add(DuckDbReader.Quote(await Lake.DownloadAsync(LakeContainers.Load, p.OutputPath)));
        }

        return $"SELECT * FROM read_parquet([{string.Join(", ", files)}], union_by_name = true)";
    }
}
