using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary><c>strata land</c> as a user runs it: the built CLI, from a folder outside the repository, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LandCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string Yaml = """
        sources:
          orders:
            landing: team/orders/
            format: csv
            partition: { column: at, grain: day }
          top:
            landing: t/
            format: csv
            partition: { column: at, grain: day }
        """;

    private readonly CliWorkspace _workspace = new CliWorkspace(azurite).Pipeline("shop", Yaml);

    [Fact]
    public async Task Land_WithAPrefixWithoutTrailingSlash_JoinsItAsAPath()
    {
        var file = _workspace.File("f.csv", "at,amount\n2026-11-20T10:00:00Z,5\n");

        var result = await _workspace.RunAsync("land", "--prefix", "team/orders", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("landed     team/orders/f.csv -> raw/orders/", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sweepstakes/web/../../../../etc/")]
    [InlineData("../raw/")]
    [InlineData("team/../..")]
    public async Task Land_WithAPrefixClimbingOutOfLanding_IsRejectedWithAMessage_NotAStackTrace(string prefix)
    {
        var file = _workspace.File("f.csv", "at,amount\n2026-11-20T10:00:00Z,5\n");

        var result = await _workspace.RunAsync("land", "--prefix", prefix, file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("climbs out of the landing container", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace, result.ToString());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Land_NameWithDotDot_IsOwnedByTheSourceOfItsNormalisedName()
    {
        var file = _workspace.File("x.csv", "at,amount\n2026-11-20T10:00:00Z,5\n");

        // team/orders/../../t/x.csv is stored as t/x.csv: the source owning t/ lands it, not orders.
        var result = await _workspace.RunAsync("land", "--prefix", "team/orders/../../t", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("landed     t/x.csv -> raw/top/", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Land_AFileNoSourceOwns_ExitsWithCode4_AndNamesThePrefixesToUse()
    {
        var file = _workspace.File("stray.csv", "at,amount\n2026-11-20T10:00:00Z,5\n");

        var result = await _workspace.RunAsync("land", "--prefix", "elsewhere", file);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("unowned    elsewhere/stray.csv", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("team/orders/, t/", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Land_NameWithControlCharacters_IsRejected_AndPrintedEscaped()
    {
        var file = _workspace.File("evil\u001b[2J\rname\n.csv", "at,amount\n2026-11-20T10:00:00Z,5\n");

        var result = await _workspace.RunAsync("land", "--prefix", "team/orders", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(@"evil\e[2J\rname\n.csv", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Stderr + result.Stdout, c => c is '\u001b' or '\r');
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_UnknownPipelineNameWithControlCharacters_IsEchoedEscaped()
    {
        var result = await _workspace.RunAsync("run", "sh\u001b]0;owned\u0007op");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(@"no pipeline named 'sh\e]0;owned\u0007op'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Stderr, c => c is '\u001b' or '\u0007');
    }

    public void Dispose() => _workspace.Dispose();
}
