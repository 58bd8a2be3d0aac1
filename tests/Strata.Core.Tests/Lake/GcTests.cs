using Strata.Activities;
using Strata.Fragments;
using Strata.Lake.Gc;
using Strata.Lake.Publishing;
using Strata.Partitions;
using Strata.Storage;
using Strata.Testing;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Lake;

/// <summary><c>gc</c>: every unreferenced blob goes, nothing referenced does, and a crash midway loses nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GcTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string s_yaml = LakeTestPipelines.OrdersAnd("daily", "action", "parquet, csv");

    private const string DailySql = "SELECT count(*) AS orders, sum(amount) AS amount FROM orders";
    private static readonly string[] s_containers = [LakeContainers.Load, LakeContainers.Integrate, LakeContainers.Products, LakeContainers.Internal];
    private static readonly (string Dataset, string Container)[] s_tables = [("orders", LakeContainers.Load), ("daily", LakeContainers.Products)];
    private static readonly long[] s_racingRuns = [50, 51];

    private readonly TestPipelines _pipelines = new();
    private TestLake _lake = null!;

    public async Task InitializeAsync()
    {
        _pipelines.Write("shop", s_yaml, ("sql/daily.sql", DailySql));
        _lake = await TestLake.CreateAsync(azurite, _pipelines.Root, new Dictionary<string, string?>
        {
            ["Strata:Lake:RetainVersions"] = "5",
            ["Strata:Lake:GcGraceAge"] = "00:00:00",
        });
        await _lake.LandAsync("shop/orders/a.csv", "order_id,ts,amount\n1,2026-11-20T10:00:00Z,1.50\n2,2026-11-21T10:00:00Z,2.00\n");
        await _lake.RunAsync("shop");
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _pipelines.Dispose();
    }

    [Fact]
    public async Task Gc_AfterLateDataAChangedSqlAndALostRace_DeletesEveryUnreferencedBlobAndNothingReferenced()
    {
        var planted = await MakeGarbageAsync();
        await _lake.ReopenAsync(new Dictionary<string, string?> { ["Strata:Lake:RetainVersions"] = "0" });

        var report = await _lake.Get<GarbageCollector>().CollectAsync(dryRun: false, CancellationToken.None);

        Assert.Equal(await ReferencedAsync(), await AllBlobsAsync());
        Assert.All(planted, p => Assert.Contains(report.Items, i => i.Container == p.Container && i.Blob == p.Blob && i.Size > 0));
        Assert.Contains(report.Items, i => i.Reason.StartsWith("superseded", StringComparison.Ordinal));
        Assert.Equal(report.Items.Count, report.Deleted);
        await AssertEveryTableReadsAsync(throughTheFolder: true);
        var plan = await _lake.PlanAsync("shop");
        Assert.True(plan.NothingStale, string.Join("; ", plan.Datasets.SelectMany(d => d.Partitions.Select(p => $"{d.Dataset}/{p.Partition}: {p.Reason} {p.Detail}"))));
    }

    [Fact]
    public async Task Gc_CrashingMidway_LosesNothing_AndTheNextPassFinishesTheJob()
    {
        await MakeGarbageAsync();
        await _lake.ReopenAsync(new Dictionary<string, string?> { ["Strata:Lake:RetainVersions"] = "0" });
        using var crash = new CancellationTokenSource();
        var deleted = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _lake.Get<GarbageCollector>().CollectAsync(dryRun: false, crash.Token, _ =>
        {
            if (++deleted == 2)
            {
                crash.Cancel();
            }
        }));

        var referenced = await ReferencedAsync();
        Assert.Subset(await AllBlobsAsync(), referenced);
        await AssertEveryTableReadsAsync(throughTheFolder: false);
        var second = await _lake.Get<GarbageCollector>().CollectAsync(dryRun: false, CancellationToken.None);
        Assert.True(second.Deleted > 0);
        Assert.Equal(referenced, await AllBlobsAsync());
    }

    [Fact]
    public async Task GcDryRun_ListsWhatWouldGoWithItsSize_AndDeletesNothing()
    {
        var planted = await MakeGarbageAsync();
        var before = await AllBlobsAsync();

        var report = await _lake.Get<GarbageCollector>().CollectAsync(dryRun: true, CancellationToken.None);

        Assert.True(report.DryRun);
        Assert.Equal(0, report.Deleted);
        Assert.Equal(planted.Count, report.Items.Count);
        Assert.Equal(planted.Sum(p => p.Size), report.Bytes);
        Assert.Equal(before, await AllBlobsAsync());
    }

    [Fact]
    public async Task Gc_NeverDeletesTheOutputOfABuildInProgress()
    {
        await _lake.ReopenAsync(new Dictionary<string, string?> { ["Strata:Lake:GcGraceAge"] = "06:00:00" });
        var record = (await _lake.PartitionAsync("orders", "2026-11-20"))!;
        var local = await _lake.DownloadAsync(LakeContainers.Load, record.OutputPath);
        const string inProgress = "orders/order_date=2026-11-20/part-0123456789abcdef-r99.parquet";

        // What a build does before it commits: record the file, upload it.
        await _lake.Get<LakeOutputs>().ExpectAsync("orders", "2026-11-20", LakeContainers.Load, 99, inProgress, [], record, local, record.Rows, CancellationToken.None);
        await _lake.Storage.Container(LakeContainers.Load).GetBlobClient(inProgress).UploadAsync(local);
        var report = await _lake.Get<GarbageCollector>().CollectAsync(dryRun: false, CancellationToken.None);

        Assert.DoesNotContain(report.Items, i => i.Blob == inProgress);
        Assert.Contains(inProgress, await _lake.BlobsAsync(LakeContainers.Load));
        Assert.Contains(record.OutputPath, await _lake.BlobsAsync(LakeContainers.Load));
    }

    [Fact]
    public async Task WithRetainVersions_ASupersededFileStaysForTimeTravel_AndGcDeletesItOnceOutOfRetention()
    {
        await _lake.ReopenAsync(new Dictionary<string, string?> { ["Strata:Lake:RetainVersions"] = "1" });
        var first = (await _lake.PartitionAsync("orders", "2026-11-20"))!.OutputPath;
        await _lake.LandAsync("shop/orders/late.csv", "order_id,ts,amount\n3,2026-11-20T12:00:00Z,3.00\n");
        await _lake.RunAsync("shop");
        var second = (await _lake.PartitionAsync("orders", "2026-11-20"))!.OutputPath;

        await _lake.Get<GarbageCollector>().CollectAsync(dryRun: false, CancellationToken.None);
        var afterOneVersion = await _lake.BlobsAsync(LakeContainers.Load, "orders/order_date=2026-11-20/");
        await _lake.LandAsync("shop/orders/later.csv", "order_id,ts,amount\n4,2026-11-20T13:00:00Z,4.00\n");
        await _lake.RunAsync("shop");
        var report = await _lake.Get<GarbageCollector>().CollectAsync(dryRun: false, CancellationToken.None);

        Assert.Contains(first, afterOneVersion);
        Assert.Contains(second, afterOneVersion);
        var left = await _lake.BlobsAsync(LakeContainers.Load, "orders/order_date=2026-11-20/");
        Assert.DoesNotContain(first, left);
        Assert.Contains(second, left);
        Assert.Contains(report.Items, i => i.Blob == first && i.Reason.StartsWith("superseded", StringComparison.Ordinal));
    }

    /// <summary>
    /// Late data, a changed SQL file and a lost race (two forced builds of one partition at once),
    /// with superseded files kept by retention; then garbage no bookkeeping knows of: the output of
    /// a build that crashed before committing, an orphaned fragment, one at the old fragment place.
    /// </summary>
    private async Task<List<(string Container, string Blob, long Size)>> MakeGarbageAsync()
    {
        await _lake.LandAsync("shop/orders/late.csv", "order_id,ts,amount\n3,2026-11-20T12:00:00Z,3.00\n");
        await _lake.RunAsync("shop");
        _pipelines.Edit("shop", "sql/daily.sql", DailySql.Replace(" FROM", ", max(amount) AS largest FROM", StringComparison.Ordinal));
        await _lake.ReopenAsync();
        Assert.Equal(2, (await _lake.RunAsync("shop")).Datasets.Single(d => d.Dataset == "daily").Built);

        var daily = (await _lake.PartitionAsync("daily", "2026-11-21"))!;
        var activities = _lake.Get<DatasetActivities>();
        await Task.WhenAll(s_racingRuns.Select(run => Task.Run(() =>
            activities.BuildDatasetPartitionAsync(new BuildInput($"shop-{run:D6}", run, "daily", "2026-11-21", daily.Fingerprint, Force: true), CancellationToken.None))));
        await _lake.RunAsync("shop");

        var planted = new List<(string Container, string Blob, long Size)>
        {
            (LakeContainers.Products, "daily/order_date=2026-11-20/part-deadbeefdeadbeef-r9.parquet", 0),
            (LakeContainers.Internal, "fragments/orders/spec=0000/dead/order_date=2026-11-20.parquet", 0),
            (LakeContainers.Load, "orders/_fragments/spec=0000/dead/order_date=2026-11-20.parquet", 0),
        };
        for (var i = 0; i < planted.Count; i++)
        {
            var content = BinaryData.FromString($"not referenced by anything {i}");
            await _lake.Storage.Container(planted[i].Container).GetBlobClient(planted[i].Blob).UploadAsync(content);
            planted[i] = planted[i] with { Size = content.ToArray().Length };
        }

        return planted;
    }

    /// <summary>What must survive: committed files and product copies, every fragment a row names, every log file.</summary>
    private async Task<SortedSet<string>> ReferencedAsync()
    {
        var referenced = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (dataset, container) in s_tables)
        {
            await foreach (var record in _lake.Get<PartitionStore>().ListAsync(dataset, CancellationToken.None))
            {
                referenced.UnionWith(record.ExtraPaths.Prepend(record.OutputPath).Select(p => $"{container}/{p}"));
            }

            referenced.UnionWith((await _lake.BlobsAsync(container, $"{dataset}/_delta_log/")).Select(b => $"{container}/{b}"));
        }

        await foreach (var path in _lake.Get<FragmentStore>().AllPathsAsync(CancellationToken.None))
        {
            referenced.Add($"{LakeContainers.Internal}/{path}");
        }

        return referenced;
    }

    private async Task<SortedSet<string>> AllBlobsAsync()
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var container in s_containers)
        {
            all.UnionWith((await _lake.BlobsAsync(container)).Select(b => $"{container}/{b}"));
        }

        return all;
    }

    /// <summary>The Delta table lists exactly the committed files, which all read; so does the folder, once no garbage is left in it.</summary>
    private async Task AssertEveryTableReadsAsync(bool throughTheFolder)
    {
        using var folders = await new LakeFolders(_lake).DownloadAsync(LakeContainers.Load, LakeContainers.Products);
        foreach (var (table, _) in s_tables)
        {
            var (committed, columns) = await folders.CommittedAsync(table);
            var (files, _, _, _) = new DeltaProtocolReader(folders.Table(table)).Read();
            Assert.Equal(committed.Order(StringComparer.Ordinal), files);
            var rows = LakeFolders.FileRows(committed, columns);
            Assert.Equal(rows, LakeFolders.FileRows(files, columns));
            if (throughTheFolder)
            {
                Assert.Equal(rows, folders.FolderRows(table, columns));
            }
        }
    }
}
