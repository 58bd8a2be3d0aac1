using Strata.Definitions;
using Strata.Land;
using Strata.Testing;

namespace Strata.Tests.Land;

[Collection(AzuriteCollection.Name)]
public sealed class LandingNameTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TestPipelines _pipelines = new();
    private TestLake _lake = null!;

    public async Task InitializeAsync()
    {
        _pipelines.Write("shop", """
            sources:
              orders:
                landing: shop/orders/
                format: csv
                partition: { column: ts, grain: day }
              top:
                landing: t/
                format: csv
                partition: { column: ts, grain: day }
            """);
        _lake = await TestLake.CreateAsync(azurite, _pipelines.Root);
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _pipelines.Dispose();
    }

    [Theory]
    [InlineData("sweepstakes/web/../../t.csv", "t.csv")]
    [InlineData("a/./b/../c.csv", "a/c.csv")]
    [InlineData("./a.csv", "a.csv")]
    [InlineData("m//n.csv", "m//n.csv")]
    [InlineData(@"p\q.csv", @"p\q.csv")]
    [InlineData("d/.../e.csv", "d/.../e.csv")]
    public void Normalise_ResolvesDotSegmentsAsTheStorageUrlDoes(string name, string expected) =>
        Assert.Equal(expected, LandingName.Normalise(name));

    [Theory]
    [InlineData("../../../../etc/f.csv", "climbs out")]
    [InlineData("a/../../f.csv", "climbs out")]
    [InlineData("a/..", "names a folder")]
    [InlineData("a/b/", "names a folder")]
    [InlineData("a/.", "names a folder")]
    [InlineData("", "is empty")]
    [InlineData("a\u001b[31m.csv", "control characters")]
    [InlineData("line\nbreak.csv", "control characters")]
    public void Normalise_RejectsNamesThatCannotBeLanded(string name, string problem)
    {
        var e = Assert.Throws<LandingNameException>(() => LandingName.Normalise(name));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("team/orders", "f.csv", "team/orders/f.csv")]
    [InlineData("team/orders/", "f.csv", "team/orders/f.csv")]
    [InlineData("", "f.csv", "f.csv")]
    public void Join_JoinsPrefixAndNameAsPaths(string prefix, string name, string expected) =>
        Assert.Equal(expected, LandingName.Join(prefix, name));

    [Fact]
    public async Task Land_NameWithDotDot_IsLandedByTheSourceOwningTheNormalisedName()
    {
        // What the client does to the name: the blob is stored as t/x.csv, outside shop/orders/.
        await _lake.Storage.Container(Strata.Storage.LakeContainers.Landing).GetBlobClient("shop/orders/../../t/x.csv")
            .UploadAsync(BinaryData.FromString("ts,v\n2026-11-20T10:00:00Z,1\n"));

        var result = await _lake.Get<Lander>().LandAsync("shop/orders/../../t/x.csv", CancellationToken.None);

        Assert.Equal(LandOutcome.Landed, result.Outcome);
        Assert.Equal("top", result.Source);
        Assert.Equal("t/x.csv", result.LandingName);
    }

    [Fact]
    public async Task Land_NameClimbingOutOfLanding_IsRejectedWithItsReason_AndNothingIsWritten()
    {
        var result = await _lake.Get<Lander>().LandAsync("shop/orders/../../../raw/x.csv", CancellationToken.None);

        Assert.Equal(LandOutcome.Rejected, result.Outcome);
        Assert.Contains("climbs out of the landing container", result.Reason, StringComparison.Ordinal);
        Assert.Empty(await _lake.BlobsAsync(Strata.Storage.LakeContainers.Raw));
    }

    [Fact]
    public void Catalog_LandingPrefixWithDotSegments_IsADefinitionError()
    {
        using var pipelines = new TestPipelines();
        pipelines.Write("odd", """
            sources:
              odd:
                landing: shop/./odd/
                format: csv
                partition: { column: ts, grain: day }
            """);

        var e = Assert.Throws<DefinitionException>(() => PipelineCatalog.Load(pipelines.Root));

        Assert.Contains("not a plain path", e.Message, StringComparison.Ordinal);
    }
}
