using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Strata.Partitions;
using Strata.Runs;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>
/// Runs of one pipeline never overlap across processes: real <c>strata run</c> processes against
/// one lake in Azurite. No-overlap is read from the run records and the lease, never from timing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunLeaseProcessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Yaml = """
        sources:
          orders:
            landing: shop/orders/
            format: csv
            partition: { column: ts, grain: day }
        datasets:
          daily_totals:
            layer: action
            inputs:
              orders: identity
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TestPipelines _pipelines = new();
    private readonly string _work = Directory.CreateTempSubdirectory("strata-lease-").FullName;
    private TestLake _lake = null!;

    private PipelineStateStore States => _lake.Get<PipelineStateStore>();

    public async Task InitializeAsync()
    {
        _pipelines.Write("shop", Yaml, ("sql/daily_totals.sql", "SELECT count(*) AS orders, sum(amount) AS amount FROM orders"));
        _lake = await TestLake.CreateAsync(azurite, _pipelines.Root);
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _pipelines.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task TwoRunProcessesForOnePipeline_BothRefusedWhileHeld_ThenRunOneAfterTheOther()
    {
        await LandOrdersAsync(days: 10, perDay: 5);
        var held = await States.TryStartRunAsync("shop", "test/0", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), markDirtyWhenHeld: false, CancellationToken.None);
        var environment = Environment();
        using var a = StrataProcess.Start(_work, environment, "run", "shop", "--pipelines", _pipelines.Root, "--data", _work);
        using var b = StrataProcess.Start(_work, environment, "run", "shop", "--pipelines", _pipelines.Root, "--data", _work);

        // Both asked while the test held the pipeline: each was refused and is waiting, not running.
        await a.WaitForOutputAsync("waits", Patience);
        await b.WaitForOutputAsync("waits", Patience);
        var whileHeld = await States.GetAsync("shop", CancellationToken.None);
        var releasedAt = DateTimeOffset.UtcNow;
        await States.EndRunAsync("shop", held.State.ActiveRunId!, CancellationToken.None);
        var exits = (await a.ExitCodeAsync(Patience), await b.ExitCodeAsync(Patience));

        Assert.Equal((0, 0), exits);
        Assert.Equal(("shop-000001", false), (whileHeld.ActiveRunId, whileHeld.Dirty));
        var runs = (await _lake.Get<RunStore>().RecentAsync("shop", 5, CancellationToken.None)).OrderBy(r => r.Number).ToList();
        Assert.Equal(["shop-000002", "shop-000003"], runs.Select(r => r.RunId));
        Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.All(runs, r => Assert.True(r.StartedAt >= releasedAt, $"{r.RunId} started at {r.StartedAt:O}, while the test still held the pipeline (released {releasedAt:O})"));
        Assert.True(runs[0].EndedAt <= runs[1].StartedAt, $"{runs[0].RunId} ran {runs[0].StartedAt:O}..{runs[0].EndedAt:O} and {runs[1].RunId} started {runs[1].StartedAt:O}: they overlapped");
        Assert.Equal(10, runs.Sum(r => r.Summary!.Datasets.Single(d => d.Dataset == "orders").Built));
        Assert.Null((await States.GetAsync("shop", CancellationToken.None)).ActiveRunId);
        await AssertLakeExactAsync(days: 10, perDay: 5);
    }

    [Fact]
    public async Task KilledHolder_LeaseLapses_AndTheNextRunTakesOverAndCompletesTheLakeExactly()
    {
        await LandOrdersAsync(days: 40, perDay: 25);
        var environment = Environment(("Strata__Runs__LeaseDuration", "00:00:04"), ("Strata__Workflow__LocalParallelism", "1"), ("Strata__Workflow__PartitionsPerActivity", "4"));
        using var holder = StrataProcess.Start(_work, environment, "run", "shop", "--pipelines", _pipelines.Root, "--data", _work);
        await CommittedAsync(at: 1, holder);

        holder.Kill();
        var atKill = await States.GetAsync("shop", CancellationToken.None);
        var killedRun = await _lake.Get<RunStore>().GetAsync("shop-000001", CancellationToken.None);
        using var next = StrataProcess.Start(_work, environment, "run", "shop", "--pipelines", _pipelines.Root, "--data", _work);
        var exit = await next.ExitCodeAsync(Patience);

        Assert.Equal(0, exit);
        Assert.Equal("shop-000001", atKill.ActiveRunId); // killed while it held the pipeline, mid-run
        Assert.Equal(RunStatus.Running, killedRun!.Status);
        var runs = await _lake.Get<RunStore>().RecentAsync("shop", 5, CancellationToken.None);
        var lapsed = runs.Single(r => r.RunId == "shop-000001");
        var takeover = runs.Single(r => r.RunId == "shop-000002");
        Assert.Equal(RunStatus.Failed, lapsed.Status);
        Assert.Contains("lease lapsed", lapsed.Error, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Completed, takeover.Status);
        Assert.True(takeover.StartedAt >= atKill.LeaseExpiresAt, $"the takeover started {takeover.StartedAt:O}, before the killed run's lease lapsed at {atKill.LeaseExpiresAt:O}");

        // Resumed exactly: each partition committed once, by one run or the other; the takeover built only the rest.
        var orders = await ListAsync("orders");
        var builtByTakeover = orders.Count(p => p.RunId == "shop-000002");
        Assert.Equal(40, orders.Count);
        Assert.InRange(orders.Count(p => p.RunId == "shop-000001"), 1, 39);
        Assert.Equal(builtByTakeover, takeover.Summary!.Datasets.Single(d => d.Dataset == "orders").Built);
        await AssertLakeExactAsync(days: 40, perDay: 25);
    }

    private Dictionary<string, string?> Environment(params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Strata__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Strata__Storage__Namespace"] = _lake.Namespace,
            ["Strata__Pii__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    private async Task LandOrdersAsync(int days, int perDay)
    {
        var csv = new StringBuilder("id,ts,amount\n");
        for (var i = 0; i < days * perDay; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i},{new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(i % days):yyyy-MM-dd'T'HH:mm:ss'Z'},{i % 7}\n");
        }

        await _lake.LandAsync("shop/orders/orders.csv", csv.ToString());
    }

    /// <summary>Waits until the process has committed at least <paramref name="at"/> load partitions.</summary>
    private async Task CommittedAsync(int at, StrataProcess process)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await _lake.Get<PartitionStore>().ListHashesAsync("orders", CancellationToken.None)).Count < at)
        {
            Assert.True(waited.Elapsed < Patience, $"no partition committed within {Patience}:\n{process.Output}");
            await Task.Delay(20);
        }
    }

    private async Task<List<PartitionRecord>> ListAsync(string dataset)
    {
        var list = new List<PartitionRecord>();
        await foreach (var p in _lake.Get<PartitionStore>().ListAsync(dataset, CancellationToken.None))
        {
            list.Add(p);
        }

        return list;
    }

    /// <summary>Every row landed is in the load layer exactly once, and every daily total counts its day's rows.</summary>
    private async Task AssertLakeExactAsync(int days, int perDay)
    {
        var files = new List<string>();
        foreach (var p in await ListAsync("orders"))
        {
            files.Add(DuckDbReader.Quote(await _lake.DownloadAsync(LakeContainers.Load, p.OutputPath)));
        }

        var rows = DuckDbReader.Query($"SELECT count(*) AS n, count(DISTINCT id) AS ids FROM read_parquet([{string.Join(", ", files)}])").Single();
        Assert.Equal((days * perDay, days * perDay), (Convert.ToInt32(rows["n"], CultureInfo.InvariantCulture), Convert.ToInt32(rows["ids"], CultureInfo.InvariantCulture)));
        var totals = await ListAsync("daily_totals");
        Assert.Equal(days, totals.Count);
        foreach (var total in totals)
        {
            var row = (await _lake.ReadAsync("daily_totals", total.Partition)).Single();
            Assert.Equal(perDay, Convert.ToInt32(row["orders"], CultureInfo.InvariantCulture));
        }
    }
}
