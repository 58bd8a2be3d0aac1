using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Lineage.OpenLineage;

namespace Strata.Tests.Lineage.OpenLineage;

/// <summary>The events a step emits, built without a lake: run ids, and conformance to the spec's schemas.</summary>
public sealed class RunEventTests
{
    private const string Lake = "http://127.0.0.1:10000/devstoreaccount1|";
    private static readonly DateTimeOffset s_at = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void RunIds_OfOneRunAndDataset_AreTheSameEveryTime_AndDifferForAnyOtherRunDatasetOrLake()
    {
        var id = RunIds.ForStep(Lake, "shop-000001", "orders");

        Assert.Equal(id, RunIds.ForStep(Lake, "shop-000001", "orders"));
        Assert.NotEqual(id, RunIds.ForStep(Lake, "shop-000002", "orders"));
        Assert.NotEqual(id, RunIds.ForStep(Lake, "shop-000001", "refunds"));
        Assert.NotEqual(id, RunIds.ForStep("https://acct.blob.core.windows.net|", "shop-000001", "orders"));
        Assert.NotEqual(id, RunIds.ForRun(Lake, "shop-000001"));
        var text = id.ToString();
        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void StartOfASqlStep_ConformsToTheSpec_AndNamesJobRunParentAndDatasets()
    {
        var started = Parse(RunEvents.Started(Step(sql: "SELECT * FROM orders"), s_at));

        Assert.Empty(OpenLineageSchemas.Instance.Problems(started));
        Assert.Equal("START", started.GetProperty("eventType").GetString());
        Assert.Equal("2026-11-20T10:30:00.000Z", started.GetProperty("eventTime").GetString());
        Assert.Equal("shop.daily", started.GetProperty("job").GetProperty("name").GetString());
        Assert.Equal("SELECT * FROM orders", started.GetProperty("job").GetProperty("facets").GetProperty("sql").GetProperty("query").GetString());
        Assert.Equal("INTEGRATE", started.GetProperty("job").GetProperty("facets").GetProperty("jobType").GetProperty("jobType").GetString());
        var parent = started.GetProperty("run").GetProperty("facets").GetProperty("parent");
        Assert.Equal(RunIds.ForRun(Lake, "shop-000001").ToString(), parent.GetProperty("run").GetProperty("runId").GetString());
        Assert.Equal("shop", parent.GetProperty("job").GetProperty("name").GetString());
        Assert.Equal(["load/orders"], started.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.False(started.GetProperty("outputs")[0].TryGetProperty("outputFacets", out _));
    }

    [Fact]
    public void CompleteOfALoadStep_ConformsToTheSpec_WithSchemaAndOutputStatistics()
    {
        var result = new StepResult(42, 4096, 3, [new SchemaField("id", "int64"), new SchemaField("amount", "decimal(18,2)")], null, "C#", []);

        var complete = Parse(RunEvents.Ended(Step(sql: null), result, s_at));

        Assert.Empty(OpenLineageSchemas.Instance.Problems(complete));
        Assert.Equal("COMPLETE", complete.GetProperty("eventType").GetString());
        var output = complete.GetProperty("outputs")[0];
        var statistics = output.GetProperty("outputFacets").GetProperty("outputStatistics");
        Assert.Equal((42L, 4096L, 3L), (statistics.GetProperty("rowCount").GetInt64(), statistics.GetProperty("size").GetInt64(), statistics.GetProperty("fileCount").GetInt64()));
        Assert.Equal(
            [("id", "int64"), ("amount", "decimal(18,2)")],
            output.GetProperty("facets").GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("type").GetString())));
        Assert.False(complete.GetProperty("job").GetProperty("facets").TryGetProperty("sql", out _));
        Assert.False(output.GetProperty("outputFacets").TryGetProperty("dataQualityAssertions", out _));
    }

    [Fact]
    public void FailOfAStep_ConformsToTheSpec_AndCarriesTheErrorMessageFacet()
    {
        var result = new StepResult(0, 0, 0, [], "1 of 1 partition(s) of daily failed: 2026-11-20: Invalid Input Error: boom", "SQL", []);

        var failed = Parse(RunEvents.Ended(Step(sql: "SELECT error('boom')"), result, s_at));

        Assert.Empty(OpenLineageSchemas.Instance.Problems(failed));
        Assert.Equal("FAIL", failed.GetProperty("eventType").GetString());
        var error = failed.GetProperty("run").GetProperty("facets").GetProperty("errorMessage");
        Assert.Equal(("1 of 1 partition(s) of daily failed: 2026-11-20: Invalid Input Error: boom", "SQL"), (error.GetProperty("message").GetString(), error.GetProperty("programmingLanguage").GetString()));
        Assert.False(failed.GetProperty("outputs")[0].TryGetProperty("facets", out _));
    }

    [Fact]
    public void QualityResults_WhenChecksReportThem_TravelAsTheSpecsAssertionsFacet()
    {
        var result = new StepResult(5, 100, 1, [], null, "SQL", [new QualityAssertion("not_null", true, "id", "error", 0), new QualityAssertion("row_count_between", false)]);

        var complete = Parse(RunEvents.Ended(Step(sql: "SELECT 1"), result, s_at));

        Assert.Empty(OpenLineageSchemas.Instance.Problems(complete));
        var assertions = complete.GetProperty("outputs")[0].GetProperty("outputFacets").GetProperty("dataQualityAssertions").GetProperty("assertions");
        Assert.Equal([("not_null", true), ("row_count_between", false)], assertions.EnumerateArray().Select(a => (a.GetProperty("assertion").GetString(), a.GetProperty("success").GetBoolean())));
        Assert.False(assertions[1].TryGetProperty("column", out _));
    }

    [Theory]
    [InlineData("run", "runId", "not-a-uuid")]
    [InlineData("job", "name", null)]
    [InlineData("outputs", "namespace", null)]
    public void AnEventThatBreaksTheSpec_IsCaughtByTheSchemas(string holder, string field, string? value)
    {
        var broken = RunEvents.Started(Step(sql: null), s_at);
        var target = holder == "outputs" ? broken[holder]![0]!.AsObject() : broken[holder]!.AsObject();
        if (value is null)
        {
            target.Remove(field);
        }
        else
        {
            target[field] = value;
        }

        Assert.NotEmpty(OpenLineageSchemas.Instance.Problems(Parse(broken)));
    }

    [Fact]
    public void AFacetThatBreaksItsOwnSchema_IsCaughtByTheSchemas()
    {
        var failed = RunEvents.Ended(Step(sql: "SELECT 1"), new StepResult(0, 0, 0, [], "boom", "SQL", []), s_at);
        failed["run"]!["facets"]!["errorMessage"]!.AsObject().Remove("programmingLanguage");
        failed["run"]!["facets"]!["parent"]!["run"]!["runId"] = "run-1";

        var problems = OpenLineageSchemas.Instance.Problems(Parse(failed));

        Assert.Contains(problems, p => p.StartsWith("run.facets.errorMessage", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("run.facets.parent", StringComparison.Ordinal));
    }

    [Fact]
    public void AFacetWithAnUnknownSchemaUrl_IsCaughtByTheSchemas()
    {
        var started = RunEvents.Started(Step(sql: null), s_at);
        started["job"]!["facets"]!["jobType"]!["_schemaURL"] = "https://openlineage.io/spec/facets/9-9-9/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";

        Assert.Contains(OpenLineageSchemas.Instance.Problems(Parse(started)), p => p.Contains("9-9-9", StringComparison.Ordinal));
    }

    private static LineageStep Step(string? sql) => new(
        "strata",
        "shop",
        sql is null ? "orders" : "daily",
        sql is null ? "LOAD" : "INTEGRATE",
        sql,
        RunIds.ForStep(Lake, "shop-000001", sql is null ? "orders" : "daily"),
        RunIds.ForRun(Lake, "shop-000001"),
        "http://127.0.0.1:10000/devstoreaccount1",
        [sql is null ? "raw/orders" : "load/orders"],
        sql is null ? "load/orders" : "integrate/daily");

    private static JsonElement Parse(JsonObject node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
