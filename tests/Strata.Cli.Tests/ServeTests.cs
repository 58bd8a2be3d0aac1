using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Strata.Cli.Hosting;
using Strata.Cli.Serve;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary><c>strata serve</c> over real HTTP on loopback, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Yaml = """
        sources:
          visits:
            landing: web/visits/
            format: csv
            partition: { column: at, grain: day }
        datasets:
          daily_visits:
            layer: action
            inputs:
              visits: identity
        """;

    private readonly TestPipelines _pipelines = new();
    private CliHost _host = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _pipelines.Write("web", Yaml, ("sql/daily_visits.sql", "SELECT count(*) AS visits, count(DISTINCT page) AS pages FROM visits"));
        _host = await CliHost.StartAsync(new CliSettings(_pipelines.Root, Path.GetTempPath(), Fresh: false, Verbose: false), CancellationToken.None, new Dictionary<string, string?>
        {
            ["Strata:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Strata:Storage:Namespace"] = "s" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            ["Strata:Pii:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        var url = $"http://127.0.0.1:{FreePort()}";
        _app = ServeCommand.Build(_host, url, apiKey: null, TimeSpan.FromMilliseconds(200), verbose: false);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _host.DisposeAsync();
        _pipelines.Dispose();
    }

    [Fact]
    public async Task DroppingFilesIntoLanding_StartsARun_ThatCompletes_AndLeavesNothingStale()
    {
        var landing = _host.Get<LakeStorage>().Container(LakeContainers.Landing);
        await landing.GetBlobClient("web/visits/monday.csv").UploadAsync(BinaryData.FromString("at,page\n2026-11-16T09:00:00Z,/home\n2026-11-16T10:00:00Z,/shop\n"));
        await landing.GetBlobClient("web/visits/tuesday.csv").UploadAsync(BinaryData.FromString("at,page\n2026-11-17T09:00:00Z,/home\n"));

        // The two files may land in one poll or two; a start during the run makes it continue as new, and
        // that last execution may build nothing (the first already had both files): wait for the data, then the instance.
        await WaitForAsync("/api/pipelines/web/datasets/daily_visits/partitions", p => p.GetProperty("partitions").GetArrayLength() == 2);
        var status = await WaitForAsync("/api/runs/pipeline-web", s => s.GetProperty("runtimeStatus").GetString() == "Completed");
        var plan = await _http.GetFromJsonAsync<JsonElement>("/api/pipelines/web/plan");
        var partitions = await _http.GetFromJsonAsync<JsonElement>("/api/pipelines/web/datasets/daily_visits/partitions");
        var lineage = await _http.GetFromJsonAsync<JsonElement>("/api/lineage/daily_visits/2026-11-16");

        Assert.Equal("RunPipeline", status.GetProperty("name").GetString());
        await WaitForAsync("/api/pipelines/web/plan", p => p.GetProperty("nothingStale").GetBoolean());
        Assert.Equal(2, partitions.GetProperty("partitions").GetArrayLength());
        Assert.Equal("daily_visits", lineage.GetProperty("dataset").GetString());
        Assert.Single(lineage.GetProperty("upstream").GetProperty("links").EnumerateArray());
        Assert.True(plan.TryGetProperty("datasets", out _));
    }

    [Fact]
    public async Task PostRun_Returns202WithLocation_AndTheStatusReachesCompleted()
    {
        using var response = await _http.PostAsync("/api/pipelines/web/runs", JsonContent.Create(new { force = true }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("pipeline-web", body.GetProperty("id").GetString());
        Assert.EndsWith("/api/runs/pipeline-web", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/api/runs/pipeline-web", body.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        await WaitForAsync("/api/runs/pipeline-web", s => s.GetProperty("runtimeStatus").GetString() == "Completed");
    }

    [Theory]
    [InlineData("/api/pipelines/web/runs", "{\"force\": \"yes\"}", "force")]
    [InlineData("/api/pipelines/web/runs", "{\"datasets\": [\"nope\"]}", "datasets[0]")]
    [InlineData("/api/pipelines/web/runs", "{\"forse\": true}", "forse")]
    [InlineData("/api/pipelines/web/runs", "{\"from\": \"2026-11-20\", \"to\": \"2026-11-01\"}", "from")]
    [InlineData("/api/pipelines/web/datasets/visits/checks/accept", "{\"partition\": \"2026-11-20\", \"check\": \"c\", \"reason\": \"r\"}", "by")]
    [InlineData("/api/pipelines/web/datasets/visits/checks/accept", "{\"partition\": \"2026-11-20\", \"chek\": \"c\"}", "body")]
    public async Task BadRunRequest_Gets400NamingTheField(string path, string body, string field)
    {
        using var response = await _http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Checks_OfASourceWithoutChecks_AnswerEmptyResultsAndHolds()
    {
        using var response = await _http.GetAsync("/api/pipelines/web/datasets/visits/checks");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("visits", body.GetProperty("dataset").GetString());
        Assert.Equal(0, body.GetProperty("results").GetArrayLength());
        Assert.Empty(body.GetProperty("held").EnumerateObject());
    }

    [Theory]
    [InlineData("/api/pipelines/nope/plan")]
    [InlineData("/api/pipelines/nope/quarantine")]
    [InlineData("/api/pipelines/web/datasets/nope/partitions")]
    [InlineData("/api/runs/pipeline-nope")]
    [InlineData("/api/lineage/nope/2026-11-16")]
    [InlineData("/api/pipelines/web/datasets/nope/checks")]
    public async Task UnknownNames_Get404(string path)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WithAnApiKey_RequestsWithoutItAreRefused()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var keyed = ServeCommand.Build(_host, url, apiKey: "s3cret", TimeSpan.FromSeconds(5), verbose: false);
        await keyed.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var without = await http.GetAsync("/api/pipelines/web/plan");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/pipelines/web/plan");
        request.Headers.Add("x-functions-key", "s3cret");
        using var with = await http.SendAsync(request);
        await keyed.StopAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Theory]
    [InlineData("/api/pipelines/web/plan?code=", null)]
    [InlineData("/api/pipelines/web/plan", "")]
    [InlineData("/api/pipelines/web/plan?code=", "")]
    public async Task WithAnApiKey_RequestsWithAnEmptyKeyAreRefused(string path, string? header)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var keyed = ServeCommand.Build(_host, url, apiKey: "s3cret", TimeSpan.FromSeconds(5), verbose: false);
        await keyed.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("x-functions-key", header);
        }

        using var response = await http.SendAsync(request);
        await keyed.StopAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AnEmptyApiKey_IsRefused(string key) =>
        Assert.Throws<ArgumentException>(() => ServeCommand.Build(_host, "http://127.0.0.1:1", key, TimeSpan.FromSeconds(5), verbose: false));

    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://localhost:5000;http://[::1]:5001", true)]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://*:7071", false)]
    [InlineData("http://127.0.0.1:1;http://10.0.0.5:2", false)]
    public void Loopback_IsRecognised(string urls, bool loopback) => Assert.Equal(loopback, Loopback.OnlyLoopback(urls));

    private async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await _http.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (done(body))
                {
                    return body;
                }
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"{path} did not reach the expected state in 60 s");
            await Task.Delay(100);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
