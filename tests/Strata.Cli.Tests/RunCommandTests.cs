using System.Globalization;
using System.Text;
using System.Text.Json;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary><c>strata run</c> and <c>plan</c> as a user runs them: the built CLI, from a folder outside the repository, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const int Days = 120;

    private static readonly DateOnly First = new(2026, 1, 1);

    private readonly CliWorkspace _workspace = new CliWorkspace(azurite).Pipeline("shop", EventsPipeline.Yaml, EventsPipeline.Sql);

    [Fact]
    public async Task RunJsonAndPlan_WithManyCommittedPartitions_CountThemUpToDate()
    {
        var history = _workspace.File("history.csv", Events(Enumerable.Range(0, Days), amount: 1));
        Assert.Equal(0, (await _workspace.RunAsync("land", "--prefix", "shop/events", history)).ExitCode);
        var first = await _workspace.RunAsync("run", "shop", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());

        var late = _workspace.File("late.csv", Events([10], amount: 5));
        Assert.Equal(0, (await _workspace.RunAsync("land", "--prefix", "shop/events", late)).ExitCode);
        var load = Json(await _workspace.RunAsync("run", "shop", "--dataset", "events", "--json"));
        var plan = Json(await _workspace.RunAsync("plan", "shop", "--json"));
        var second = Json(await _workspace.RunAsync("run", "shop", "--json"));
        var after = Json(await _workspace.RunAsync("plan", "shop", "--json"));
        var ranged = Json(await _workspace.RunAsync("run", "shop", "--json", "--from", Key(0), "--to", Key(9)));

        // The late file rebuilds one events partition; then one daily partition is stale, the rest up to date.
        Assert.Equal(1, Dataset(load, "events").GetProperty("built").GetInt32());
        Assert.Equal(Days - 1, Dataset(load, "events").GetProperty("skipped").GetInt32());
        Assert.Equal(Days, Dataset(plan, "events").GetProperty("upToDate").GetInt32());
        Assert.Single(Dataset(plan, "daily").GetProperty("partitions").EnumerateArray());
        Assert.Equal(Days - 1, Dataset(plan, "daily").GetProperty("upToDate").GetInt32());
        Assert.Equal(1, Dataset(second, "daily").GetProperty("built").GetInt32());
        Assert.Equal(Days - 1, Dataset(second, "daily").GetProperty("skipped").GetInt32());
        Assert.Equal(Days, Dataset(second, "events").GetProperty("skipped").GetInt32());
        Assert.True(after.GetProperty("nothingStale").GetBoolean());
        Assert.Equal(Days, Dataset(after, "daily").GetProperty("upToDate").GetInt32());
        Assert.Equal(10, Dataset(ranged, "daily").GetProperty("skipped").GetInt32());
    }

    [Fact]
    public async Task RunVerbose_PrintsEachStep_PlannedPartitionsWithReasons_BuildsWithRows_Quarantine()
    {
        var file = _workspace.File("day.csv", Events([0, 1], amount: 2) + "not-a-time,3\n");
        Assert.Equal(0, (await _workspace.RunAsync("land", "--prefix", "shop/events", file)).ExitCode);

        var result = await _workspace.RunAsync("run", "shop", "--verbose");

        // One of three rows quarantined is over the default max_quarantine_ratio (0.05): the run warns.
        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("land: 0 landed, 0 duplicate, 0 unowned", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("load events: parsed raw/events/", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 rows read, 2 loaded, 1 quarantined, 2 partition(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("load events: planned 2 partition(s), 0 up to date", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"  events {Key(0)}: new data (raw/events/", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"  events {Key(1)}: built (", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("integrate daily: planned 2 partition(s), 0 up to date", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"  daily {Key(0)}: built (1 rows in, 1 written)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_MaxAttemptsOne_MeansNoRetry_AndCommandsRun()
    {
        var result = await _workspace.RunAsync(new Dictionary<string, string?> { ["Strata__Workflow__MaxAttempts"] = "1" }, "run", "shop");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("Strata__Transform__Threads", "0", "Strata__Transform__Threads is 0")]
    [InlineData("Strata__Transform__MemoryLimit", "lots", "Strata__Transform__MemoryLimit is 'lots'")]
    [InlineData("Strata__Workflow__MaxAttempts", "many", "Strata__Workflow__MaxAttempts is 'many', which is not a valid Int32")]
    [InlineData("Strata__Storage__Namespace", "Bad-Name", "Strata__Storage__Namespace is 'Bad-Name'")]
    [InlineData("Strata__Storage__UnreachableTimeout", "-00:00:01", "Strata__Storage__UnreachableTimeout is -00:00:01")]
    [InlineData("Strata__Pii__Key", "c2hvcnQ=", "Strata__Pii__Key holds 5 bytes")]
    [InlineData("Strata__Load__RowGroupRows", "0", "Strata__Load__RowGroupRows is 0")]
    public async Task Settings_AWrongValue_StopsEveryCommandWithExitCode2_NamingTheSetting(string setting, string value, string message)
    {
        var result = await _workspace.RunAsync(new Dictionary<string, string?> { [setting] = value }, "status");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error: {message}", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace, result.ToString());
    }

    [Fact]
    public async Task DemoKey_IsWrittenOnlyWhenASourceTokenises()
    {
        var data = Path.Combine(_workspace.Folder, "data");
        _workspace.Environment.Remove("Strata__Pii__Key");

        var plain = await _workspace.RunAsync("status", "--data", data);
        var keyAfterPlain = File.Exists(Path.Combine(data, "pii.key"));
        _workspace.Pipeline("shop", EventsPipeline.Yaml.Replace("    partition: { column: at, grain: day }", "    partition: { column: at, grain: day }\n    pii:\n      email: { action: tokenise }", StringComparison.Ordinal),
            ("sql/daily.sql", "SELECT count(*) AS events FROM events"));
        var tokenising = await _workspace.RunAsync("status", "--data", data);

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(tokenising.ExitCode == 0, tokenising.ToString());
        Assert.False(keyAfterPlain);
        Assert.True(File.Exists(Path.Combine(data, "pii.key")));
    }

    public void Dispose() => _workspace.Dispose();

    private static string Key(int day) => First.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Events(IEnumerable<int> days, int amount)
    {
        var csv = new StringBuilder("at,amount\n");
        foreach (var day in days)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Key(day)}T12:00:00Z,{amount}\n");
        }

        return csv.ToString();
    }

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static JsonElement Dataset(JsonElement document, string name) =>
        document.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("dataset").GetString() == name);
}
