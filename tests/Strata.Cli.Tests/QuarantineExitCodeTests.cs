using System.Text;
using System.Text.Json;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>Quarantine as a signal, as a user meets it: the run's status, its exit code and <c>status</c>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QuarantineExitCodeTests(AzuriteFixture azurite) : IDisposable
{
    private readonly CliWorkspace _workspace = new CliWorkspace(azurite).Pipeline("shop", EventsPipeline.Yaml, EventsPipeline.Sql);

    [Fact]
    public async Task Run_WhereEveryRowIsQuarantined_EndsCompletedWithWarnings_ExitsFive_AndStatusShowsTheQuarantine()
    {
        var csv = new StringBuilder("at,amount\n");
        for (var i = 0; i < 560; i++)
        {
            csv.Append("not-a-time,").Append(i).Append('\n');
        }

        Assert.Equal(0, (await _workspace.RunAsync("land", "--prefix", "shop/events", _workspace.File("bad.csv", csv.ToString()))).ExitCode);

        var run = await _workspace.RunAsync("run", "shop", "--json");
        var status = await _workspace.RunAsync("status");

        Assert.True(run.ExitCode == 5, run.ToString());
        var summary = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("completedWithWarnings", summary.GetProperty("status").GetString());
        var events = summary.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("dataset").GetString() == "events");
        Assert.Equal(560, events.GetProperty("rowsQuarantined").GetInt64());
        Assert.Contains("quarantined 560 of 560 rows (100%), above max_quarantine_ratio 0.05", Assert.Single(events.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.ToString());
        var line = status.Stdout.Split('\n').Single(l => l.Contains(" events ", StringComparison.Ordinal));
        Assert.Contains(" 560 ", line, StringComparison.Ordinal);
        Assert.Contains("quarantined rows", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAFewQuarantinedRowsUnderTheRatio_EndsCompleted_ExitsZero()
    {
        var csv = new StringBuilder("at,amount\n");
        for (var i = 0; i < 100; i++)
        {
            csv.Append("2026-01-01T12:00:00Z,").Append(i).Append('\n');
        }

        csv.Append("not-a-time,1\n");
        Assert.Equal(0, (await _workspace.RunAsync("land", "--prefix", "shop/events", _workspace.File("mostly.csv", csv.ToString()))).ExitCode);

        var run = await _workspace.RunAsync("run", "shop");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("run shop-000001: Completed", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(" written, 1 quarantined, 0 file(s) quarantined", run.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
