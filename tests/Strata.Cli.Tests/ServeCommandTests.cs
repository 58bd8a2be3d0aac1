using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary><c>strata serve</c>'s start-up checks, with the built CLI in its own process.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly CliWorkspace _workspace = new CliWorkspace(azurite).Pipeline("web", """
        sources:
          visits:
            landing: web/visits/
            format: csv
            partition: { column: at, grain: day }
        """);

    [Fact]
    public async Task Serve_WithAnEmptyApiKey_RefusesToStart()
    {
        var result = await _workspace.RunAsync("serve", "--api-key", "", "--urls", $"http://127.0.0.1:{ServeTests.FreePort()}");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("the API key is empty", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAnEmptyApiKeySetting_RefusesToStart()
    {
        var result = await _workspace.RunAsync(new Dictionary<string, string?> { ["Strata__Serve__ApiKey"] = " " }, "serve", "--urls", $"http://127.0.0.1:{ServeTests.FreePort()}");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("the API key is empty", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WhenKestrelSettingsBindOffLoopback_WithoutAKey_StopsAndNamesTheBoundAddress()
    {
        // --urls says loopback; Kestrel's own endpoint setting overrides it and binds every interface.
        var port = ServeTests.FreePort();
        var result = await _workspace.RunAsync(new Dictionary<string, string?> { ["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}" },
            "serve", "--urls", $"http://127.0.0.1:{ServeTests.FreePort()}");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"the server bound http://0.0.0.0:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace, result.ToString());
    }

    public void Dispose() => _workspace.Dispose();
}
