using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary><c>strata checks</c> as a user runs it: the built CLI against Azurite, after a run that held a partition.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChecksCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string Yaml = """
        sources:
          orders:
            landing: team/orders/
            format: csv
            partition: { column: at, grain: day }
            checks:
              - not_null: [amount]
        datasets:
          totals:
            layer: integrate
            inputs:
              orders: identity
        """;

    private readonly CliWorkspace _workspace = new CliWorkspace(azurite).Pipeline("shop", Yaml, ("sql/totals.sql", "SELECT count(*) AS orders FROM orders"));

    [Fact]
    public async Task Accept_RecordsWhoAndWhy_ReleasesTheHold_AndTheNextRunBuildsDownstream()
    {
        var file = _workspace.File("f.csv", "at,amount\n2026-11-20T10:00:00Z,\n");
        Assert.Equal(0, (await _workspace.RunAsync("land", "--prefix", "team/orders", file)).ExitCode);
        var first = await _workspace.RunAsync("run", "shop");
        var held = await _workspace.RunAsync("checks", "list", "orders");

        var accept = await _workspace.RunAsync("checks", "accept", "orders", "--partition", "2026-11-20", "--check", "not_null_amount", "--reason", "amounts come later", "--by", "ana");
        var list = await _workspace.RunAsync("checks", "list", "orders", "--json");
        var second = await _workspace.RunAsync("run", "shop");

        // A partition held by a failing error check is data that looks wrong: the run warns (exit 5) and says why.
        Assert.True(first.ExitCode == 5, first.ToString());
        Assert.Contains("WARNING orders 1 partition(s) held by a failing error check", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 partition(s) held", held.Stdout, StringComparison.Ordinal);
        Assert.Contains("HELD", held.Stdout, StringComparison.Ordinal);
        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.Contains("accepted not_null_amount on orders [2026-11-20] by ana: amounts come later", accept.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"by\": \"ana\"", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"held\": {}", list.Stdout, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"totals\s.*\b1\b", second.Stdout);
    }

    [Fact]
    public async Task Accept_ACheckWithNoResult_ExitsWithCode2_AndSaysWhatToRun()
    {
        var result = await _workspace.RunAsync("checks", "accept", "orders", "--partition", "2026-11-20", "--check", "nope", "--reason", "r");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("has no result for check 'nope'; run 'strata checks list orders'", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace, result.ToString());
    }

    public void Dispose() => _workspace.Dispose();
}
