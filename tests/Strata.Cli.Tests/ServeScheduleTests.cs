using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Strata.Cli.Hosting;
using Strata.Cli.Output;
using Strata.Cli.Serve;
using Strata.Land;
using Strata.Planning;
using Strata.Runs;
using Strata.Schedules;
using Strata.Status;
using Strata.Storage;
using Strata.Testing;
using Strata.Workflow.Contracts;

namespace Strata.Cli.Tests;

/// <summary>
/// <c>strata serve</c> starts a scheduled pipeline when its slot comes, on a fake clock injected
/// into the serve host: time is advanced, never slept through.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeScheduleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Yaml = """
        schedule: "*/15 * * * *"
        sources:
          visits:
            landing: web/visits/
            format: csv
            partition: { column: at, grain: day }
        """;

    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 7, 0, TimeSpan.Zero);
    private readonly TestPipelines _pipelines = new();
    private readonly FakeTimeProvider _time = new(Start);
    private CliHost _host = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _pipelines.Write("web", Yaml);
        _host = await CliHost.StartAsync(new CliSettings(_pipelines.Root, Path.GetTempPath(), Fresh: false, Verbose: false), CancellationToken.None, new Dictionary<string, string?>
        {
            ["Strata:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Strata:Storage:Namespace"] = "c" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            ["Strata:Pii:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }, _time);

        // Landed before serve starts, so the landing watcher has nothing to start: only the schedule can.
        await _host.Get<LakeStorage>().Container(LakeContainers.Landing).GetBlobClient("web/visits/monday.csv")
            .UploadAsync(BinaryData.FromString("at,page\n2026-11-16T09:00:00Z,/home\n2026-11-17T10:00:00Z,/shop\n"));
        await _host.Get<Lander>().LandAsync("web/visits/monday.csv", CancellationToken.None);

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
    public async Task DueSlot_StartsTheScheduledRun_AndPlanAndStatusShowTheNextDueTime()
    {
        var schedules = _host.Get<ScheduleStore>();
        var seen = await EventuallyAsync(() => schedules.GetAsync("web", CancellationToken.None), s => s is not null);
        using var beforeTheSlot = await _http.GetAsync("/api/runs/pipeline-web");
        var planBefore = await _http.GetFromJsonAsync<JsonElement>("/api/pipelines/web/plan");

        _time.Advance(At(10, 15) - Start);
        var run = await EventuallyAsync(() => _http.GetFromJsonAsync<JsonElement>("/api/runs/pipeline-web"), s => s.GetProperty("runtimeStatus").GetString() == "Completed", tolerateErrors: true);
        var planAfter = await _http.GetFromJsonAsync<JsonElement>("/api/pipelines/web/plan");
        var record = (await _host.Get<RunStore>().RecentAsync("web", 5, CancellationToken.None)).Single();
        var status = (await _host.Get<StatusService>().ReportAsync(CancellationToken.None)).Pipelines.Single();
        var planText = PlanPrinter.Format(await _host.Get<PipelinePlanner>().PlanAsync(new RunRequest("web"), CancellationToken.None));

        Assert.Equal(At(10, 15), seen!.NextDue);
        Assert.Equal(HttpStatusCode.NotFound, beforeTheSlot.StatusCode);
        Assert.Equal(("*/15 * * * *", At(10, 15)), (planBefore.GetProperty("schedule").GetProperty("cron").GetString(), planBefore.GetProperty("schedule").GetProperty("nextDue").GetDateTimeOffset()));
        Assert.Equal(2, run.GetProperty("output").GetProperty("datasets").EnumerateArray().Single().GetProperty("built").GetInt32());
        Assert.Equal(("web-000001", "schedule", RunStatus.Completed, At(10, 15)), (record.RunId, record.Trigger, record.Status, record.StartedAt));
        Assert.Equal((At(10, 30), At(10, 15)), (planAfter.GetProperty("schedule").GetProperty("nextDue").GetDateTimeOffset(), planAfter.GetProperty("schedule").GetProperty("lastSlot").GetDateTimeOffset()));
        Assert.Equal(At(10, 30), status.Schedule!.NextDue);
        Assert.Contains("schedule: */15 * * * * (UTC); next run due 2026-11-20 10:30Z; last started for 2026-11-20 10:15Z", planText, StringComparison.Ordinal);
        Assert.Contains("  schedule: */15 * * * * (UTC); next run due 2026-11-20 10:30Z", StatusPrinter.Format(new StatusReport([status], [])), StringComparison.Ordinal);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 20, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Polls (bounded) until <paramref name="done"/>: the serve loop runs on its own threads once time has moved.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, bool tolerateErrors = false)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value))
                {
                    return value;
                }
            }
            catch (HttpRequestException) when (tolerateErrors)
            {
                // 404 until the schedule has started the run.
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the expected state was not reached in 60 s");
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
