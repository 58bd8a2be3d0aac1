using Strata.Testing;

namespace Strata.Tests.Modes;

[Collection(AzuriteCollection.Name)]
public sealed class UpsertModeTests(AzuriteFixture azurite) : ModeLakeTest(azurite, ModePipelines.Upsert)
{
    private const string November = "2026-11";

    [Fact]
    public async Task LatestRowPerKeyWins_AcrossFilesAndWithinAFile_AndTiesGoToTheRowLandedLater()
    {
        await Lake.LandAsync("shop/customers/a.csv", ModePipelines.Customers((1, 1, "ann", ""), (2, 1, "bo", ""), (3, 5, "cy", ""), (2, 2, "bob", "")));
        await Lake.RunAsync("shop");

        // 2 is updated, 3's row is older than the one loaded (ignored), 4 is new; 1 ties on version, and the later file wins.
        await Lake.LandAsync("shop/customers/b.csv", ModePipelines.Customers((2, 3, "bobby", ""), (3, 4, "old cy", ""), (4, 1, "di", ""), (1, 1, "ann b", "")));
        var run = await Lake.RunAsync("shop");
        var rerun = await Lake.RunAsync("shop");

        Assert.Equal(
            [(1L, "ann b"), (2L, "bobby"), (3L, "cy"), (4L, "di")],
            (await Lake.ReadAsync("customers", November, "customer_id")).Select(r => (Long(r["customer_id"]), (string)r["name"]!)));
        Assert.Equal(1, Of(run, "customers").Built);
        Assert.Equal(0, rerun.PartitionsBuilt);
    }

    [Fact]
    public async Task DeleteMarker_RemovesTheKey_AndAHigherVersionBringsItBack()
    {
        await Lake.LandAsync("shop/customers/a.csv", ModePipelines.Customers((1, 1, "ann", "I"), (2, 1, "bo", "I")));
        await Lake.RunAsync("shop");
        await Lake.LandAsync("shop/customers/b.csv", ModePipelines.Customers((1, 2, "ann", "D"), (2, 2, "bo", "U")));
        await Lake.RunAsync("shop");
        var afterDelete = await Lake.ReadAsync("customers", November, "customer_id");

        await Lake.LandAsync("shop/customers/c.csv", ModePipelines.Customers((1, 3, "ann again", "I")));
        await Lake.RunAsync("shop");

        Assert.Equal([(2L, "U")], afterDelete.Select(r => (Long(r["customer_id"]), (string)r["op"]!)));
        Assert.Equal([(1L, "ann again"), (2L, "bo")], (await Lake.ReadAsync("customers", November, "customer_id")).Select(r => (Long(r["customer_id"]), (string)r["name"]!)));
    }

    [Fact]
    public async Task KeyIsScopedToItsPartition_AndAFileTouchingOneMonthRebuildsOnlyThatMonth()
    {
        await Lake.LandAsync("shop/customers/a.csv", "customer_id,created,version,name,op\n1,2026-10-05,1,oct,\n1,2026-11-05,1,nov,\n2,2026-11-06,1,two,\n");
        await Lake.RunAsync("shop");
        var october = await Lake.PartitionAsync("customers", "2026-10");

        await Lake.LandAsync("shop/customers/b.csv", "customer_id,created,version,name,op\n2,2026-11-06,2,two v2,\n");
        var run = await Lake.RunAsync("shop");

        Assert.Equal(october!.OutputPath, (await Lake.PartitionAsync("customers", "2026-10"))!.OutputPath);
        Assert.Equal(1, Of(run, "customers").Built);
        Assert.Equal(
            [("oct", 1L), ("nov", 1L), ("two v2", 2L)],
            (await ReadSourceAsync("customers", "created")).Select(r => ((string)r["name"]!, Long(r["customer_id"]))));
    }

    [Fact]
    public async Task RowWithoutKeyOrSequence_IsQuarantinedWithItsReason()
    {
        await Lake.LandAsync("shop/customers/a.csv", "customer_id,created,version,name,op\n1,2026-11-01,1,ann,\n,2026-11-01,1,nokey,\n3,2026-11-01,,noversion,\n");

        var run = await Lake.RunAsync("shop");

        Assert.Equal(2, Of(run, "customers").RowsQuarantined);
        var page = await Lake.Get<Strata.Status.QuarantineReader>().ReadAsync("shop", null, 10, CancellationToken.None);
        Assert.Equal(["customer_id", "version"], page.Records.Select(r => r.Reason).Select(reason => reason.Contains("customer_id", StringComparison.Ordinal) ? "customer_id" : reason.Contains("version", StringComparison.Ordinal) ? "version" : reason));
        Assert.Equal([1L], (await Lake.ReadAsync("customers", November)).Select(r => Long(r["customer_id"])));
    }
}
