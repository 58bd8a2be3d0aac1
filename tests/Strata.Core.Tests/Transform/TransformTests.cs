using Strata.Runs;
using Strata.Storage;
using Strata.Testing;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Transform;

[Collection(AzuriteCollection.Name)]
public sealed class TransformTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly int[] TenDays = Enumerable.Range(1, 10).ToArray();
    private readonly TestPipelines _pipelines = new();
    private TestLake _lake = null!;

    public async Task InitializeAsync()
    {
        _pipelines.Write("clickstream", Clickstream.Yaml, Clickstream.Files());
        _lake = await TestLake.CreateAsync(azurite, _pipelines.Root);
        await _lake.LandAsync("clicks/a.csv", Clickstream.Clicks(1, 2, 1, 2, 3, 4));
        await _lake.LandAsync("clicks/b.csv", Clickstream.Clicks(100, 2, 5, 6, 7, 8, 9, 10));
        await _lake.LandAsync("users/users.csv", Clickstream.Users);
        var first = await _lake.RunAsync("clickstream");
        Assert.Equal(RunStatus.Completed, first.Status);
    }

    public async Task DisposeAsync()
    {
        await _lake.DisposeAsync();
        _pipelines.Dispose();
    }

    [Fact]
    public async Task ChangingOneActionsSql_RebuildsThatActionsPartitionsOnly()
    {
        _pipelines.Edit("clickstream", "sql/daily.sql", Clickstream.DailySql.Replace("count(*) AS clicks", "count(*) AS clicks, min(id) AS first_id", StringComparison.Ordinal));
        await _lake.ReopenAsync();

        var plan = await _lake.PlanAsync("clickstream");
        var run = await _lake.RunAsync("clickstream");

        Assert.All(plan.Datasets.Single(d => d.Dataset == "daily").Partitions, p => Assert.Equal(StaleReason.SqlChanged, p.Reason));
        Assert.Equal(10, Built(run, "daily"));
        Assert.All(["clicks", "users", "sessions", "rolling"], d => Assert.Equal(0, Built(run, d) + Unchanged(run, d)));
    }

    [Fact]
    public async Task IntegrateSqlChange_ThatLeavesRowsAlone_RebuildsIntegrateAndNothingDownstream()
    {
        _pipelines.Edit("clickstream", "sql/sessions.sql", "-- same rows, written differently\n" + Clickstream.SessionsSql.Replace("LEFT JOIN users u ON u.user_id = c.user_id", "LEFT JOIN (SELECT * FROM users) u ON c.user_id = u.user_id", StringComparison.Ordinal));
        await _lake.ReopenAsync();

        var run = await _lake.RunAsync("clickstream");

        Assert.Equal(10, Unchanged(run, "sessions"));
        Assert.Equal(0, Built(run, "sessions"));
        Assert.Equal(0, Built(run, "daily") + Unchanged(run, "daily"));
        Assert.Equal(0, Built(run, "rolling") + Unchanged(run, "rolling"));
    }

    [Fact]
    public async Task LateFileTouchingTwoDates_RebuildsExactlyTheirPartitionsAndTheWindowsHoldingThem()
    {
        await _lake.LandAsync("clicks/late.csv", Clickstream.Clicks(500, 1, 3, 7));

        var run = await _lake.RunAsync("clickstream");

        Assert.Equal(["2026-11-03", "2026-11-07"], await RebuiltInAsync("clicks", run));
        Assert.Equal(["2026-11-03", "2026-11-07"], await RebuiltInAsync("sessions", run));
        Assert.Equal(["2026-11-03", "2026-11-07"], await RebuiltInAsync("daily", run));
        Assert.Equal(["2026-11-03", "2026-11-04", "2026-11-05", "2026-11-07", "2026-11-08", "2026-11-09"], await RebuiltInAsync("rolling", run));
        Assert.Equal(0, Built(run, "users"));
    }

    [Fact]
    public async Task FailingSqlPartition_LeavesOthersCommitted_IsRetried_AndTheFixRebuildsOnlyWhatChanged()
    {
        await _lake.LandAsync("clicks/spike.csv", Clickstream.Clicks(900, 1, 6));
        var failing = Clickstream.DailySql.Replace("count(*) AS clicks", "CAST(CASE WHEN count(*) = 3 THEN 'three' ELSE CAST(count(*) AS VARCHAR) END AS BIGINT) AS clicks", StringComparison.Ordinal);
        _pipelines.Edit("clickstream", "sql/daily.sql", failing);
        await _lake.ReopenAsync();

        var broken = await _lake.RunAsync("clickstream");
        var retry = await _lake.PlanAsync("clickstream");
        _pipelines.Edit("clickstream", "sql/daily.sql", Clickstream.DailySql);
        await _lake.ReopenAsync();
        var fixedRun = await _lake.RunAsync("clickstream");

        Assert.Equal(RunStatus.CompletedWithFailures, broken.Status);
        var failure = Assert.Single(broken.Datasets.Single(d => d.Dataset == "daily").Failures);
        Assert.StartsWith("2026-11-06: ", failure, StringComparison.Ordinal);
        Assert.Contains("three", failure, StringComparison.Ordinal);
        Assert.Equal(9, Unchanged(broken, "daily"));
        Assert.Equal(StaleReason.PreviouslyFailed, retry.Datasets.Single(d => d.Dataset == "daily").Partitions.Single(p => p.Partition == "2026-11-06").Reason);
        Assert.Equal(RunStatus.Completed, fixedRun.Status);
        Assert.Equal(["2026-11-06"], await RebuiltInAsync("daily", fixedRun, onlyNewRows: true));
        Assert.Equal(9, Unchanged(fixedRun, "daily"));
        Assert.Equal(3, (await _lake.ReadAsync("daily", "2026-11-06")).Single()["clicks"] is long n ? n : -1);
    }

    [Fact]
    public async Task LineageFromAProductPartition_ReachesExactlyTheRawBlobsThatFedIt()
    {
        await _lake.LandAsync("clicks/late.csv", Clickstream.Clicks(500, 1, 3, 7));
        await _lake.RunAsync("clickstream");

        var report = await _lake.Get<Strata.Lineage.LineageService>().ForPartitionAsync("rolling", "2026-11-05", CancellationToken.None);
        var fromLate = await _lake.Get<Strata.Lineage.LineageService>().FromRawAsync("clicks", Sha("clicks/late.csv", Clickstream.Clicks(500, 1, 3, 7)), CancellationToken.None);

        var raw = report.Upstream.RawBlobs().Select(p => p.Split('/')[^1][65..]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["a.csv", "b.csv", "late.csv", "users.csv"], raw);
        var reached = fromLate.Partitions().Where(p => p.Dataset is "daily" or "rolling").Select(p => $"{p.Dataset}/{p.Partition[8..]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["daily/03", "daily/07", "rolling/03", "rolling/04", "rolling/05", "rolling/07", "rolling/08", "rolling/09"], reached);
    }

    [Fact]
    public async Task ProductFiles_AreReadableByDuckDb_AndMatchTheSqlRunDirectlyOverTheInputs()
    {
        var record = (await _lake.PartitionAsync("daily", "2026-11-04"))!;
        var sessions = (await _lake.PartitionAsync("sessions", "2026-11-04"))!;
        var product = await _lake.DownloadAsync(LakeContainers.Products, record.OutputPath);
        var input = await _lake.DownloadAsync(LakeContainers.Integrate, sessions.OutputPath);
        var csv = await _lake.DownloadAsync(LakeContainers.Products, record.ExtraPaths.Single(p => p.EndsWith(".csv", StringComparison.Ordinal)));
        var jsonl = await _lake.DownloadAsync(LakeContainers.Products, record.ExtraPaths.Single(p => p.EndsWith(".jsonl", StringComparison.Ordinal)));

        var direct = DuckDbReader.Query($"WITH sessions AS (SELECT * FROM read_parquet({DuckDbReader.Quote(input)})) {Clickstream.DailySql}");
        var written = DuckDbReader.Query($"SELECT * FROM read_parquet({DuckDbReader.Quote(product)})");

        Assert.Equal(Show(direct), Show(written));
        Assert.Equal(Show(written), Show(DuckDbReader.Query($"SELECT * FROM read_csv({DuckDbReader.Quote(csv)})")));
        Assert.Equal(Show(written), Show(DuckDbReader.Query($"SELECT * FROM read_json({DuckDbReader.Quote(jsonl)}, format = 'newline_delimited')")));
    }

    private static int Built(RunSummary run, string dataset) => run.Datasets.Single(d => d.Dataset == dataset).Built;

    private static int Unchanged(RunSummary run, string dataset) => run.Datasets.Single(d => d.Dataset == dataset).Unchanged;

    private static string Show(List<Dictionary<string, object?>> rows) =>
        string.Join("\n", rows.Select(r => string.Join(",", r.Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)}"))).Order(StringComparer.Ordinal));

    private static string Sha(string _, string content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));

    /// <summary>Partitions of <paramref name="dataset"/> committed by <paramref name="run"/> (optionally only those whose rows changed).</summary>
    private async Task<List<string>> RebuiltInAsync(string dataset, RunSummary run, bool onlyNewRows = false)
    {
        Assert.True(RunRecord.TryParseId(run.RunId, out _, out var number));
        var changes = await _lake.Get<Strata.Partitions.PartitionStore>().ChangesSinceAsync(dataset, number - 1, CancellationToken.None);
        if (onlyNewRows)
        {
            return changes.Where(c => c.Run == number).Select(c => c.Partition).Order(StringComparer.Ordinal).ToList();
        }

        var rebuilt = new List<string>();
        await foreach (var p in _lake.Get<Strata.Partitions.PartitionStore>().ListAsync(dataset, CancellationToken.None))
        {
            if (p.CommitRun == number)
            {
                rebuilt.Add(p.Partition);
            }
        }

        return rebuilt;
    }
}
