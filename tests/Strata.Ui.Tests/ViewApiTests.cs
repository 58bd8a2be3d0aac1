using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strata.Ui.Tests.Support;

namespace Strata.Ui.Tests;

/// <summary>
/// The API endpoints the UI reads, over real HTTP against the demo lake (waves 01–02 run, 03
/// landed and waiting): the same JSON any other client gets.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class ViewApiTests(UiFixture ui)
{
    private static readonly string[] LeftToRight = ["entries_web", "entries_partner", "customers", "entrants", "daily_entries", "entries_7d"];

    private HttpClient Http => ui.Demo.Http;

    [Fact]
    public async Task Graph_LaysSourcesAndDatasetsOutLeftToRight_AndColoursThemByState()
    {
        var graph = await Http.GetFromJsonAsync<JsonElement>("/api/pipelines/sweepstakes/graph");
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!);
        var edges = graph.GetProperty("edges").EnumerateArray().Select(e => $"{e.GetProperty("from").GetString()}>{e.GetProperty("to").GetString()}:{e.GetProperty("mapping").GetString()}").ToList();

        Assert.Equal(["customers", "daily_entries", "entrants", "entries_7d", "entries_partner", "entries_web"], nodes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([0, 0, 0, 1, 2, 2], LeftToRight.Select(n => nodes[n].GetProperty("column").GetInt32()));
        // Wave 03's customers file is landed, not parsed: customers has work, and everything reading it through 'all' is stale.
        Assert.Equal("stale", nodes["customers"].GetProperty("state").GetString());
        Assert.Equal(1, nodes["customers"].GetProperty("unparsedBlobs").GetInt32());
        Assert.Equal("stale", nodes["entrants"].GetProperty("state").GetString());
        Assert.Equal("upToDate", nodes["entries_web"].GetProperty("state").GetString());
        Assert.Equal(6, nodes["entries_web"].GetProperty("partitions").GetInt64());
        Assert.Equal(2, nodes["entries_web"].GetProperty("schemaVersion").GetInt32());
        Assert.Contains("customers>entrants:all", edges);
        Assert.Contains("entrants>entries_7d:window(7)", edges);
    }

    [Fact]
    public async Task Pipelines_ListsEachPipeline_WithItsCountsAndLastRun()
    {
        var body = await Http.GetFromJsonAsync<JsonElement>("/api/pipelines");
        var pipeline = Assert.Single(body.GetProperty("pipelines").EnumerateArray());

        Assert.Equal("sweepstakes", pipeline.GetProperty("name").GetString());
        Assert.Equal(3, pipeline.GetProperty("sources").GetInt32());
        Assert.Equal("sweepstakes-000002", pipeline.GetProperty("lastRun").GetProperty("runId").GetString());
    }

    [Fact]
    public async Task Grid_PagesThroughCommittedPartitions_InKeyOrder_AsColumns()
    {
        var all = await Http.GetFromJsonAsync<JsonElement>("/api/pipelines/sweepstakes/datasets/entrants/partitions");
        var first = await Http.GetFromJsonAsync<JsonElement>("/api/pipelines/sweepstakes/datasets/entrants/grid?limit=4");
        var next = first.GetProperty("next").GetString()!;
        var second = await Http.GetFromJsonAsync<JsonElement>($"/api/pipelines/sweepstakes/datasets/entrants/grid?limit=4&from={next}");

        var expected = all.GetProperty("partitions").EnumerateArray().Select(p => (p.GetProperty("partition").GetString(), p.GetProperty("rows").GetInt64(), p.GetProperty("runId").GetString())).ToList();
        var paged = new[] { first, second }.SelectMany(Rows).ToList();
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, paged);
        Assert.Equal(4, first.GetProperty("keys").GetArrayLength());
        Assert.False(second.TryGetProperty("next", out _));
    }

    [Theory]
    [InlineData("/api/pipelines/sweepstakes/datasets/entrants/grid?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/pipelines/sweepstakes/datasets/entrants/grid?limit=50001", HttpStatusCode.BadRequest)]
    [InlineData("/api/pipelines/sweepstakes/runs?limit=x", HttpStatusCode.BadRequest)]
    [InlineData("/api/pipelines/sweepstakes/datasets/nope/grid", HttpStatusCode.NotFound)]
    [InlineData("/api/pipelines/sweepstakes/datasets/nope", HttpStatusCode.NotFound)]
    [InlineData("/api/pipelines/nope/graph", HttpStatusCode.NotFound)]
    [InlineData("/api/pipelines/nope/runs", HttpStatusCode.NotFound)]
    [InlineData("/api/pipelines/nope/schemas", HttpStatusCode.NotFound)]
    [InlineData("/api/raw/nope/abc", HttpStatusCode.NotFound)]
    [InlineData("/api/raw/customers/0000", HttpStatusCode.NotFound)]
    public async Task BadOrUnknownRequests_AreAnswered400Or404_NamingWhat(string path, HttpStatusCode expected)
    {
        using var response = await Http.GetAsync(path);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Dataset_ListsItsStalePartitionsWithReasons_ItsInputsAndItsReaders()
    {
        var view = await Http.GetFromJsonAsync<JsonElement>("/api/pipelines/sweepstakes/datasets/entrants");

        Assert.Equal("integrate", view.GetProperty("layer").GetString());
        Assert.Equal("day", view.GetProperty("grain").GetString());
        Assert.Equal(6, view.GetProperty("partitions").GetInt64());
        Assert.Equal(6, view.GetProperty("staleCount").GetInt32());
        Assert.All(view.GetProperty("stale").EnumerateArray(), s => Assert.Equal("upstreamStale", s.GetProperty("reason").GetString()));
        Assert.Equal(["entries_web", "entries_partner", "customers"], view.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("from").GetString()));
        Assert.Equal(["daily_entries", "entries_7d"], view.GetProperty("readers").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Runs_ListTheHistoryNewestFirst_WithEachRunsSummary()
    {
        var history = await Http.GetFromJsonAsync<JsonElement>("/api/pipelines/sweepstakes/runs");
        var runs = history.GetProperty("runs").EnumerateArray().ToList();

        Assert.Equal(["sweepstakes-000002", "sweepstakes-000001"], runs.Select(r => r.GetProperty("runId").GetString()));
        Assert.All(runs, r => Assert.Equal("completed", r.GetProperty("status").GetString()));
        Assert.Equal(4, runs[1].GetProperty("summary").GetProperty("rowsQuarantined").GetInt64());
    }

    [Fact]
    public async Task Schemas_ShowEveryVersionOfEverySource_WithTheDriftThatMadeIt()
    {
        var history = await Http.GetFromJsonAsync<JsonElement>("/api/pipelines/sweepstakes/schemas");
        var web = history.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "entries_web");
        var versions = web.GetProperty("versions").EnumerateArray().ToList();

        Assert.Equal(2, web.GetProperty("current").GetInt32());
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Empty(versions[0].GetProperty("driftEvents").EnumerateArray());
        Assert.Equal(2, versions[1].GetProperty("driftEvents").GetArrayLength());
        Assert.Contains(versions[1].GetProperty("schema").GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "utm_source");
    }

    [Fact]
    public async Task Raw_ShowsTheBlobsReceipt_AndEveryPartitionItReaches()
    {
        var lineage = await Http.GetFromJsonAsync<JsonElement>("/api/lineage/entries_web/2026-11-16");
        var sha = lineage.GetProperty("upstream").GetProperty("links").EnumerateArray().Single().GetProperty("partition").GetString();

        var raw = await Http.GetFromJsonAsync<JsonElement>($"/api/raw/entries_web/{sha}");
        var reached = Flatten(raw.GetProperty("downstream")).ToList();

        Assert.EndsWith("entries-2026-11-16.csv", raw.GetProperty("receipt").GetProperty("originalName").GetString(), StringComparison.Ordinal);
        Assert.Contains("entries_web|2026-11-16", reached);
        Assert.Contains("entrants|2026-11-16", reached);
        Assert.Contains("daily_entries|2026-11-16", reached);
        Assert.Contains("entries_7d|2026-11-19", reached);
    }

    private static IEnumerable<(string?, long, string?)> Rows(JsonElement page)
    {
        var runs = page.GetProperty("runs").EnumerateArray().Select(r => r.GetString()).ToList();
        var keys = page.GetProperty("keys").EnumerateArray().ToList();
        var rows = page.GetProperty("rows").EnumerateArray().ToList();
        var run = page.GetProperty("run").EnumerateArray().ToList();
        return keys.Select((k, i) => (k.GetString(), rows[i].GetInt64(), runs[run[i].GetInt32()]));
    }

    private static IEnumerable<string> Flatten(JsonElement node) =>
        new[] { $"{node.GetProperty("dataset").GetString()}|{node.GetProperty("partition").GetString()}" }
            .Concat(node.GetProperty("links").EnumerateArray().SelectMany(Flatten));
}
