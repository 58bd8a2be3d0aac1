using Strata.Fragments;
using Strata.Testing;

namespace Strata.Tests.Fragments;

/// <summary>The fragment index read for many partitions at once (a load build activity's batch).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FragmentStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ForPartitions_WithKeysThatArePrefixesOfOthers_ReturnsExactlyTheAskedPartitionsFragments()
    {
        using var pipelines = new TestPipelines();
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root);
        var store = lake.Get<FragmentStore>();

        // "p|a|…" sorts after "p|ab|…" and "p|a-b|…": bounds over the keys alone would miss rows or read the wrong ones.
        string[] keys = ["a", "a-b", "ab", "abc", "b", "c"];
        await CommitAsync(store, "blob1", 1, keys);
        await CommitAsync(store, "blob2", 2, ["a", "abc"]);

        var found = await store.ForPartitionsAsync("s", "spec", ["abc", "a", "b"], CancellationToken.None);

        Assert.Equal(["a", "abc", "b"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["blob1", "blob2"], found["a"].Select(f => f.Sha256).Order(StringComparer.Ordinal));
        Assert.Equal(["blob1", "blob2"], found["abc"].Select(f => f.Sha256).Order(StringComparer.Ordinal));
        Assert.Equal(100 + "b".Length, Assert.Single(found["b"]).Size);
    }

    private static Task CommitAsync(FragmentStore store, string sha, long sequence, string[] partitions) =>
        store.CommitParseAsync(
            new FragmentHeader
            {
                Source = "s",
                SpecKey = "spec",
                Sha256 = sha,
                RawPath = $"s/{sha}.csv",
                Sequence = sequence,
                StoredSchema = "{}",
                RowsRead = partitions.Length,
                RowsLoaded = partitions.Length,
                RowsQuarantined = 0,
                Partitions = partitions.Length,
                RunId = "run",
                ParsedAt = DateTimeOffset.UnixEpoch,
            },
            [.. partitions.Select(p => new FragmentRef(p, sha, sequence, $"fragments/{sha}/{p}.parquet", 1, "hash") { Size = 100 + p.Length })],
            CancellationToken.None);
}
