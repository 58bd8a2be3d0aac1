using Strata.Land;
using Strata.Storage;
using Strata.Testing;
using Strata.Tests.Workflow;

namespace Strata.Tests.Land;

[Collection(AzuriteCollection.Name)]
public sealed class LanderTests(AzuriteFixture azurite) : ShopLakeTest(azurite)
{
    [Fact]
    public async Task Land_CopiesBytesUnchangedUnderTheirSha256_WithAReceipt()
    {
        var bytes = "order_id,ts\n1,2026-11-20T10:00:00Z\n"u8.ToArray();

        var result = await Lake.LandAsync("shop/orders/day one.csv", bytes);

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var receipt = await Lake.Get<ReceiptStore>().GetAsync("orders", sha, CancellationToken.None);
        Assert.Equal(LandOutcome.Landed, result.Outcome);
        Assert.Equal($"orders/ingest_date={receipt!.IngestDate:yyyy-MM-dd}/{sha}-day_one.csv", result.RawPath);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(await Lake.DownloadAsync(LakeContainers.Raw, result.RawPath!)));
        Assert.Equal(1, receipt.Sequence);
        Assert.Equal("shop/orders/day one.csv", receipt.OriginalName);
    }

    [Fact]
    public async Task Land_AfterACopyThatStoppedBeforeItsReceipt_LandsOnceOverTheExistingRawBlob()
    {
        var bytes = "order_id,ts\n2,2026-11-21T10:00:00Z\n"u8.ToArray();
        var landing = Lake.Get<LakeStorage>().Container(LakeContainers.Landing).GetBlobClient("shop/orders/retried.csv");
        await landing.UploadAsync(BinaryData.FromBytes(bytes));
        var created = (await landing.GetPropertiesAsync()).Value.CreatedOn;
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var rawPath = RawBlobName.For("orders", DateOnly.FromDateTime(created.UtcDateTime), sha, "shop/orders/retried.csv");
        await Lake.Get<LakeStorage>().Container(LakeContainers.Raw).GetBlobClient(rawPath).UploadAsync(BinaryData.FromBytes(bytes));

        var result = await Lake.Get<Lander>().LandAsync("shop/orders/retried.csv", CancellationToken.None);

        Assert.Equal(LandOutcome.Landed, result.Outcome);
        Assert.Equal(rawPath, result.RawPath);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(await Lake.DownloadAsync(LakeContainers.Raw, rawPath)));
        Assert.NotNull(await Lake.Get<ReceiptStore>().GetAsync("orders", sha, CancellationToken.None));
        Assert.Empty(await Lake.BlobsAsync(LakeContainers.Landing));
    }

    [Fact]
    public async Task Land_BlobNoSourceOwns_StaysInLandingAndIsReported()
    {
        var result = await Lake.LandAsync("elsewhere/file.csv", "a\n1\n");

        Assert.Equal(LandOutcome.Unowned, result.Outcome);
        Assert.Equal(["elsewhere/file.csv"], await Lake.BlobsAsync(LakeContainers.Landing));
        Assert.Empty(await Lake.BlobsAsync(LakeContainers.Raw));
        Assert.Contains("elsewhere/file.csv", (await Lake.Get<ReceiptStore>().UnownedAsync(CancellationToken.None)).Select(u => u.Name));
    }

    [Fact]
    public async Task Land_WithKeepLandingBlobs_LeavesTheBlobAndDoesNotLandItTwice()
    {
        await Lake.ReopenAsync(new Dictionary<string, string?> { ["Strata:Land:KeepLandingBlobs"] = "true" });

        var first = await Lake.LandAsync("shop/orders/kept.csv", "order_id,ts\n1,2026-11-20T10:00:00Z\n");
        var sweep = await Lake.Get<Lander>().SweepAsync("shop", CancellationToken.None);

        Assert.Equal(LandOutcome.Landed, first.Outcome);
        Assert.Equal(LandOutcome.AlreadyLanded, sweep.Single().Outcome);
        Assert.Equal(["shop/orders/kept.csv"], await Lake.BlobsAsync(LakeContainers.Landing));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a/b/..\u0001evil name.csv", "_evil_name.csv")]
    [InlineData("x/..", "file")]
    [InlineData("x/.hidden.csv", "hidden.csv")]
    public void Sanitise_KeepsOnlyASafeLastSegment(string landingName, string expected)
    {
        Assert.Equal(expected, RawBlobName.Sanitise(landingName));
    }
}
