using System.Net;
using System.Text.Json;
using Strata.Activities;
using Strata.Definitions;
using Strata.Lineage.OpenLineage;
using Strata.Runs;
using Strata.Schemas;
using Strata.Storage;
using Strata.Testing;
using Strata.Tests.TestSupport;
using Strata.Workflow.Contracts;
using static Strata.Tests.Lineage.OpenLineage.LineageLake;

namespace Strata.Tests.Lineage.OpenLineage;

/// <summary>
/// Real runs on Azurite with a consumer listening on loopback: every event conforms to the spec,
/// names what each step built, and is in the lake exactly as it was sent — and a consumer that
/// fails or is down fails nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenLineageRunTests(AzuriteFixture azurite)
{
    /// <summary>One CSV source by day, a dataset that works (<c>good</c>) and one whose SQL the test chooses (<c>bad</c>).</summary>
    private const string Shop = """
        sources:
          orders:
            landing: shop/orders/
            format: csv
            partition: { column: ts, grain: day, key: order_date }
        datasets:
          good:
            layer: integrate
            inputs:
              orders: identity
          bad:
            layer: action
            inputs:
              orders: identity
            formats: [parquet, csv]
        """;

    [Fact]
    public async Task DemoWaves_EmitStartAndCompletePerStep_ThatConformToTheSpec_AndNameEveryPartitionBuilt()
    {
        using var receiver = new LineageReceiver();
        using var pipelines = new TestPipelines().Copy(RepoPaths.Combine("pipelines", "sweepstakes"));
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root, Settings(receiver.Url, apiKey: "s3cret"));
        var steps = new List<string>();
        foreach (var wave in new[] { "01-first-drops", "02-late-and-drifted", "03-customers-update" })
        {
            receiver.Clear();
            await LandWaveAsync(lake, wave);

            var run = await lake.RunAsync("sweepstakes");

            Assert.Equal(RunStatus.Completed, run.Status);
            var events = receiver.Events;
            Assert.All(events, e => Assert.Empty(OpenLineageSchemas.Instance.Problems(e)));
            Assert.Equal(receiver.Bodies.Order(StringComparer.Ordinal), (await LinesAsync(lake, run)).Order(StringComparer.Ordinal));
            Assert.All(receiver.Authorizations, a => Assert.Equal("Bearer s3cret", a));
            await AssertNamesWhatTheRunBuiltAsync(lake, run, events);
            steps.Add($"{wave}: {string.Join(" ", ByJob(events).Select(g => g.Key).Order(StringComparer.Ordinal))}");
        }

        // Every step of the first wave; then exactly the steps the late, drifted and updated data made stale.
        Assert.Equal(
            [
                "01-first-drops: sweepstakes.customers sweepstakes.daily_entries sweepstakes.entrants sweepstakes.entries_7d sweepstakes.entries_partner sweepstakes.entries_web",
                "02-late-and-drifted: sweepstakes.daily_entries sweepstakes.entrants sweepstakes.entries_7d sweepstakes.entries_web",
                "03-customers-update: sweepstakes.customers sweepstakes.daily_entries sweepstakes.entrants sweepstakes.entries_7d",
            ],
            steps);
    }

    [Fact]
    public async Task FailingSql_EmitsFail_WithTheErrorMessageFacet_AndTheOtherStepsComplete()
    {
        using var receiver = new LineageReceiver();
        using var pipelines = new TestPipelines().Write("shop", Shop, ("sql/good.sql", "SELECT count(*) AS orders, sum(amount) AS amount FROM orders"), ("sql/bad.sql", "SELECT order_id, error('amount ' || amount || ' is not allowed') AS boom FROM orders"));
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root, Settings(receiver.Url));
        await lake.LandAsync("shop/orders/a.csv", "order_id,ts,amount\n1,2026-11-20T10:00:00Z,5\n2,2026-11-21T10:00:00Z,7\n");

        var run = await lake.RunAsync("shop");

        Assert.Equal(RunStatus.CompletedWithFailures, run.Status);
        var jobs = ByJob(receiver.Events);
        Assert.All(receiver.Events, e => Assert.Empty(OpenLineageSchemas.Instance.Problems(e)));
        Assert.Equal(["START", "COMPLETE"], jobs["shop.orders"].Select(Type));
        Assert.Equal(["START", "COMPLETE"], jobs["shop.good"].Select(Type));
        Assert.Equal(["START", "FAIL"], jobs["shop.bad"].Select(Type));
        var error = jobs["shop.bad"].Last().GetProperty("run").GetProperty("facets").GetProperty("errorMessage");
        Assert.Equal("SQL", error.GetProperty("programmingLanguage").GetString());
        Assert.StartsWith("2 of 2 partition(s) of bad failed: 2026-11-20: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("is not allowed", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Statistics(jobs["shop.bad"].Last()).GetProperty("rowCount").GetInt64());
        Assert.Equal(receiver.Bodies.Order(StringComparer.Ordinal), (await LinesAsync(lake, run)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AConsumerThatFailsOrIsDown_FailsNothing_AndTheLakeStillHasEveryEvent(bool answersWith500)
    {
        using var receiver = new LineageReceiver(HttpStatusCode.InternalServerError);
        var url = answersWith500 ? receiver.Url : new Uri($"http://127.0.0.1:{LineageReceiver.FreePort()}/api/v1/lineage");
        using var pipelines = new TestPipelines().Write("shop", Shop, ("sql/good.sql", "SELECT count(*) AS orders, sum(amount) AS amount FROM orders"), ("sql/bad.sql", "SELECT 1 AS one FROM orders"));
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root, Settings(url));
        await lake.LandAsync("shop/orders/a.csv", "order_id,ts,amount\n1,2026-11-20T10:00:00Z,5\n");

        var run = await lake.RunAsync("shop");

        Assert.True(run.Status == RunStatus.Completed, string.Join("; ", run.Datasets.SelectMany(d => d.Failures)));
        var lines = (await LinesAsync(lake, run)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(
            ["shop.bad COMPLETE", "shop.bad START", "shop.good COMPLETE", "shop.good START", "shop.orders COMPLETE", "shop.orders START"],
            lines.Select(e => $"{e.GetProperty("job").GetProperty("name").GetString()} {Type(e)}").Order(StringComparer.Ordinal));
        Assert.All(lines, e => Assert.Empty(OpenLineageSchemas.Instance.Problems(e)));

        // A 500 is retried (2 attempts) until sending pauses; nothing reaches a consumer that is down.
        Assert.Equal(answersWith500, receiver.Bodies.Count > 0);
        Assert.All(receiver.Bodies, body => Assert.Contains(body, lines.Select(l => l.GetRawText())));
    }

    [Fact]
    public async Task ARetriedCompletion_EmitsItsEventOnce_AndARerunWithNothingStaleEmitsNothing()
    {
        using var receiver = new LineageReceiver();
        using var pipelines = new TestPipelines().Write("shop", Shop, ("sql/good.sql", "SELECT count(*) AS orders, sum(amount) AS amount FROM orders"), ("sql/bad.sql", "SELECT 1 AS one FROM orders"));
        await using var lake = await TestLake.CreateAsync(azurite, pipelines.Root, Settings(receiver.Url));
        await lake.LandAsync("shop/orders/a.csv", "order_id,ts,amount\n1,2026-11-20T10:00:00Z,5\n");
        var run = await lake.RunAsync("shop");
        var sent = receiver.Bodies.Count;
        var record = (await lake.PartitionAsync("good", "2026-11-20"))!;
        var summary = (await lake.Get<Strata.Partitions.PartitionStore>().GetSummaryAsync("good", CancellationToken.None))!;

        // CompleteDataset again with the input the workflow gave it, as a retried activity would be.
        await lake.Get<RunActivities>().CompleteDatasetAsync(
            new CompleteDatasetInput(run.RunId, 1, "good", summary.CodeHash, summary.SqlHash, summary.Seen, true, [], new StepOutput(1, 1, record.Rows, 1, "2026-11-20")),
            CancellationToken.None);
        var rerun = await lake.RunAsync("shop");

        Assert.Equal(6, sent);
        Assert.Equal(sent, receiver.Bodies.Count);
        Assert.Equal(6, (await LinesAsync(lake, run)).Count);
        Assert.Equal(0, rerun.PartitionsBuilt);
        Assert.Empty(await LinesAsync(lake, rerun));
    }

    /// <summary>
    /// Each step with events has one START and one COMPLETE of one OpenLineage run under the pipeline
    /// run; every partition the run committed is counted in its step's statistics, under its lake path.
    /// </summary>
    private static async Task AssertNamesWhatTheRunBuiltAsync(TestLake lake, RunSummary run, IReadOnlyList<JsonElement> events)
    {
        var emitter = lake.Get<OpenLineageEmitter>();
        var catalog = lake.Get<PipelineCatalog>();
        var endpoint = lake.Storage.Container(LakeContainers.Load).Uri.AbsoluteUri.TrimEnd('/')[..^($"/{lake.Storage.ContainerName(LakeContainers.Load)}".Length)];
        var committed = await CommittedAsync(lake, run);
        var jobs = ByJob(events);
        Assert.Equal(committed.Keys.Select(d => $"{run.Pipeline}.{d}").Order(StringComparer.Ordinal), jobs.Select(j => j.Key).Order(StringComparer.Ordinal));
        foreach (var (dataset, records) in committed)
        {
            var pair = jobs[$"{run.Pipeline}.{dataset}"].ToList();
            Assert.Equal(["START", "COMPLETE"], pair.Select(Type));
            Assert.True(pair[0].GetProperty("eventTime").GetDateTimeOffset() <= pair[1].GetProperty("eventTime").GetDateTimeOffset());
            Assert.All(pair, e => Assert.Equal(RunIds.ForStep(emitter.Lake, run.RunId, dataset).ToString(), e.GetProperty("run").GetProperty("runId").GetString()));
            Assert.All(pair, e => Assert.Equal(RunIds.ForRun(emitter.Lake, run.RunId).ToString(), e.GetProperty("run").GetProperty("facets").GetProperty("parent").GetProperty("run").GetProperty("runId").GetString()));
            var output = pair[1].GetProperty("outputs")[0];
            Assert.Equal(endpoint, output.GetProperty("namespace").GetString());
            Assert.Equal($"{lake.Storage.ContainerName(LakeContainers.ForOutput(catalog, dataset))}/{dataset}", output.GetProperty("name").GetString());

            var sizes = new List<(long Bytes, int Files)>();
            foreach (var record in records)
            {
                sizes.Add(await SizeAsync(lake, record));
            }

            var statistics = Statistics(pair[1]);
            Assert.True(records.Sum(r => r.Rows) == statistics.GetProperty("rowCount").GetInt64(), $"{dataset}: committed {records.Sum(r => r.Rows)} rows in {string.Join(", ", records.Select(r => $"{r.Partition}={r.Rows}"))}; the event says {statistics.GetProperty("rowCount").GetInt64()}");
            Assert.Equal(sizes.Sum(s => s.Bytes), statistics.GetProperty("size").GetInt64());
            Assert.Equal(sizes.Sum(s => s.Files), statistics.GetProperty("fileCount").GetInt64());
            if (catalog.PipelineOf(dataset)!.FindSource(dataset) is not null)
            {
                var (_, schema, _) = await lake.Get<SchemaStore>().CurrentAsync(dataset, CancellationToken.None);
                Assert.Equal(
                    schema.Columns.Select(c => (c.Name, c.ToString()[(c.Name.Length + 1)..].Replace(" not null", "", StringComparison.Ordinal))),
                    output.GetProperty("facets").GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("type").GetString()!)));
            }
            else
            {
                // A SQL output's columns, as DuckDB reads them from the latest partition the run committed.
                var rows = await lake.ReadAsync(dataset, records.Max(r => r.Partition)!);
                Assert.Equal(rows[0].Keys, output.GetProperty("facets").GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!));
            }
        }
    }
}
