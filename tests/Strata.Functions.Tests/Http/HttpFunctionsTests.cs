using System.Net;
using System.Text;
using System.Text.Json;
using Strata.Cli.Hosting;
using Strata.Cli.Serve;
using Strata.Functions.Tests.TestSupport;
using Strata.Testing;
using Strata.Workflow;

namespace Strata.Functions.Tests.Http;

/// <summary>
/// The app's HTTP functions on a real Kestrel, with runs on the real Durable worker, answer as
/// <c>strata serve</c> answers over the same lake: same status codes, headers and bytes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpFunctionsTests(AzuriteFixture azurite) : DurableSampleTest(azurite)
{
    private static readonly string[] SameAnswers =
    [
        "GET /api/pipelines/sweepstakes/plan",
        "GET /api/pipelines/sweepstakes/plan?force=true&from=2026-11-15&to=2026-11-16",
        "GET /api/pipelines/sweepstakes/datasets/entrants/partitions?limit=3",
        "GET /api/pipelines/sweepstakes/datasets/entries_web/partitions?from=2026-11-16",
        "GET /api/lineage/entries_7d/2026-11-16",
        "GET /api/pipelines/sweepstakes/quarantine?limit=2",
        "GET /api/pipelines",
        "GET /api/pipelines/sweepstakes/graph",
        "GET /api/pipelines/sweepstakes/runs?limit=5",
        "GET /api/pipelines/sweepstakes/schemas",
        "GET /api/pipelines/sweepstakes/datasets/entrants",
        "GET /api/pipelines/sweepstakes/datasets/entries_web/grid?limit=2&from=2026-11-15",
        "GET /api/pipelines/nope/graph",
        "GET /api/pipelines/sweepstakes/datasets/entrants/grid?limit=0",
        "GET /api/pipelines/nope/plan",
        "GET /api/pipelines/sweepstakes/datasets/nope/partitions",
        "GET /api/lineage/nope/2026-11-16",
        "GET /api/runs/pipeline-nope",
        "GET /api/pipelines/sweepstakes/plan?force=maybe",
        "GET /api/pipelines/sweepstakes/datasets/entrants/partitions?limit=0",
        "GET /api/pipelines/sweepstakes/quarantine?page=not-a-page",
        "POST /api/pipelines/nope/runs {}",
        "POST /api/pipelines/sweepstakes/runs {\"datasets\": [\"entrants\", \"nope\"]}",
        "POST /api/pipelines/sweepstakes/runs {\"forse\": true}",
        "POST /api/pipelines/sweepstakes/runs {\"from\": \"2026-11-20\", \"to\": \"2026-11-01\"}",
        "POST /api/pipelines/sweepstakes/datasets/entrants/checks/accept {\"partition\": \"2026-11-16\", \"check\": \"nope\", \"reason\": \"r\", \"by\": \"ann\"}",
    ];

    [Fact]
    public async Task HttpFunctions_StartARunWith202AndLocation_AndAnswerEveryRouteAsStrataServeDoes()
    {
        var (lake, durable) = (Lake, Durable);
        await using var functions = await HttpFunctionHost.StartAsync(durable.Services, durable.Client);
        using var toFunctions = new HttpClient { BaseAddress = functions.BaseAddress };
        await SampleWaves.DropAsync(lake, SampleWaves.Waves[0]);

        using var started = await toFunctions.PostAsync("/api/pipelines/sweepstakes/runs", new StringContent("{\"force\": false}", Encoding.UTF8, "application/json"));
        var accepted = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        var instance = await durable.WaitAsync(accepted.GetProperty("id").GetString()!);
        using var status = await toFunctions.GetAsync(started.Headers.Location);
        var run = JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(new Uri(functions.BaseAddress, "/api/runs/pipeline-sweepstakes"), started.Headers.Location);
        Assert.Equal(started.Headers.Location!.ToString(), accepted.GetProperty("statusQueryGetUri").GetString());
        Assert.True(accepted.GetProperty("started").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("Completed", run.GetProperty("runtimeStatus").GetString());
        Assert.Equal(WorkflowNames.RunPipeline, run.GetProperty("name").GetString());
        Assert.Equal("sweepstakes-000001", run.GetProperty("output").GetProperty("runId").GetString());
        Assert.Equal("done", run.GetProperty("customStatus").GetProperty("layer").GetString());
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);

        await using var serve = await ServeAsync(lake, Pipelines.Root);
        using var toServe = new HttpClient { BaseAddress = serve.BaseAddress };
        foreach (var call in SameAnswers)
        {
            var (fromFunctions, fromServe) = (await SendAsync(toFunctions, call), await SendAsync(toServe, call));
            Assert.True(fromServe == fromFunctions, $"{call}\n  functions: {fromFunctions}\n  serve:     {fromServe}");
        }

        Assert.Contains("\"field\":\"datasets[1]\"", (await SendAsync(toFunctions, SameAnswers.Single(c => c.Contains("nope\"]", StringComparison.Ordinal)))).Body, StringComparison.Ordinal);
        var (page, servedPage) = (await SendAsync(toFunctions, "GET /api/ui"), await SendAsync(toServe, "GET /"));
        Assert.Equal(servedPage, page);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        var local = JsonDocument.Parse((await SendAsync(toServe, "POST /api/pipelines/sweepstakes/runs {}")).Body).RootElement;
        Assert.Equal(PropertyNames(accepted), PropertyNames(local));
        Assert.Equal(accepted.GetProperty("id").GetString(), local.GetProperty("id").GetString());
        await serve.Host.Get<Strata.Workflow.Local.LocalWorkflowHost>().WaitAsync(local.GetProperty("id").GetString()!);
        var localRun = JsonDocument.Parse((await SendAsync(toServe, "GET /api/runs/pipeline-sweepstakes")).Body).RootElement;
        Assert.Equal(PropertyNames(run), PropertyNames(localRun));
        Assert.Equal(PropertyNames(run.GetProperty("customStatus")), PropertyNames(localRun.GetProperty("customStatus")));
        Assert.Equal(PropertyNames(run.GetProperty("output")), PropertyNames(localRun.GetProperty("output")));

        // Behind App Service authentication the signed-in principal is who accepts: no "by" needed, nobody else's name taken.
        const string accept = "POST /api/pipelines/sweepstakes/datasets/entrants/checks/accept {\"partition\": \"2026-11-16\", \"check\": \"nope\", \"reason\": \"r\"}";
        Assert.Contains("\"field\":\"by\"", (await SendAsync(toFunctions, accept)).Body, StringComparison.Ordinal);
        var signedIn = await SendAsync(toFunctions, accept, ("X-MS-CLIENT-PRINCIPAL-NAME", "ann@contoso.com"));
        Assert.Equal(404, signedIn.Status);
        var other = await SendAsync(toFunctions, accept.Replace("}", ", \"by\": \"bob\"}", StringComparison.Ordinal), ("X-MS-CLIENT-PRINCIPAL-NAME", "ann@contoso.com"));
        Assert.Equal(400, other.Status);
        Assert.Contains("signed in as 'ann@contoso.com'", JsonDocument.Parse(other.Body).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<Answer> SendAsync(HttpClient client, string call, params (string Name, string Value)[] headers)
    {
        var parts = call.Split(' ', 3);
        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        if (parts.Length == 3)
        {
            request.Content = new StringContent(parts[2], Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private static List<string> PropertyNames(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();

    private static async Task<ServeApp> ServeAsync(TestLake lake, string pipelines)
    {
        var host = await CliHost.StartAsync(new CliSettings(pipelines, Path.GetTempPath(), Fresh: false, Verbose: false), CancellationToken.None, lake.Settings);
        var url = $"http://127.0.0.1:{DurableLake.FreePort()}";

        // The landing watcher is part of serve; an hour's interval keeps it from landing what the test drops.
        var app = ServeCommand.Build(host, url, apiKey: null, TimeSpan.FromHours(1), verbose: false);
        await app.StartAsync();
        return new ServeApp(host, app, new Uri(url));
    }

    private sealed record Answer(int Status, string? ContentType, string Body);

    private sealed record ServeApp(CliHost Host, Microsoft.AspNetCore.Builder.WebApplication App, Uri BaseAddress) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
