using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Strata.Bench.Lake;
using Strata.Cli.Hosting;
using Strata.Cli.Serve;
using Strata.Storage;
using Strata.Storage.Azurite;
using Strata.Ui.Tests.Support;

namespace Strata.Bench.Modes;

/// <summary>
/// The dataset page at scale: a dataset with N imported hourly partitions (100,000 by default),
/// served by <c>strata serve</c> in this process and opened in headless Chromium. Prints the API
/// answers the page needs, the time from navigation to the first drawn grid (the rows in view,
/// with their data), and the time to redraw after scrolling to the middle and to the end.
/// </summary>
internal static class UiMode
{
    private const string Page = "#/pipelines/bench/datasets/hourly";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var size = (int)args.Long("partitions", 100_000);
        var repeats = (int)args.Long("repeats", 5);
        var folder = Path.Combine(Path.GetTempPath(), $"strata-bench-ui-{Guid.NewGuid():N}");
        var pipelines = Path.Combine(folder, "pipelines");
        Directory.CreateDirectory(Path.Combine(pipelines, "bench", "sql"));
        await File.WriteAllTextAsync(Path.Combine(pipelines, "bench", "pipeline.yaml"), SyntheticState.Yaml);
        await File.WriteAllTextAsync(Path.Combine(pipelines, "bench", "sql", "hourly.sql"), SyntheticState.Sql);
        await using var azurite = await EmbeddedAzurite.StartAsync(Path.Combine(folder, "azurite"), null, CancellationToken.None);
        Console.WriteLine($"ui benchmark: {size:N0} hourly partitions, Azurite on 127.0.0.1:{azurite.TablePort}; {Environment.ProcessorCount} cores; Chromium {HeadlessChromium.Executable}");

        const string ns = "benchui";
        await using (var lake = new BenchLake(azurite.ConnectionString, ns, pipelines))
        {
            await lake.Get<LakeStorage>().EnsureCreatedAsync(CancellationToken.None);
            var seed = Stopwatch.StartNew();
            await SyntheticState.SeedAsync(lake, size);
            Console.WriteLine($"seeded {size:N0} partitions (events and hourly) in {seed.Elapsed.TotalSeconds:0.0} s");
        }

        await using var host = await CliHost.StartAsync(new CliSettings(pipelines, folder, Fresh: false, Verbose: false), CancellationToken.None, new Dictionary<string, string?>
        {
            ["Strata:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Strata:Storage:Namespace"] = ns,
            ["Strata:Pii:Key"] = Convert.ToBase64String("bench key: not a secret, 32 bytes"u8),
        });
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var app = ServeCommand.Build(host, url, apiKey: null, TimeSpan.FromMinutes(10), verbose: false);
        await app.StartAsync();

        using (var http = new HttpClient { BaseAddress = new Uri(url) })
        {
            Console.WriteLine($"GET plan (no-op)                       {await MedianMsAsync(http, "/api/pipelines/bench/plan", repeats),8:0.0} ms (median of {repeats})");
            Console.WriteLine($"GET dataset overview (summary + plan)  {await MedianMsAsync(http, "/api/pipelines/bench/datasets/hourly", repeats),8:0.0} ms");
            Console.WriteLine($"GET grid, first page (999)             {await MedianMsAsync(http, "/api/pipelines/bench/datasets/hourly/grid?limit=999", repeats),8:0.0} ms");
            Console.WriteLine($"GET grid, one block mid-way (768)      {await MedianMsAsync(http, $"/api/pipelines/bench/datasets/hourly/grid?limit=768&from={SyntheticState.Hour(size / 2)}", repeats),8:0.0} ms");
            Console.WriteLine($"GET grid, all {size:N0} (pages of 50,000) {await AllPagesMsAsync(http, size),8:0.0} ms (what a grid that is not virtualised would wait for)");
        }

        await using var browser = await HeadlessChromium.LaunchAsync();
        var first = new List<double>();
        var loaded = new List<double>();
        var middle = new List<double>();
        var end = new List<double>();
        var cells = 0;
        for (var i = 0; i <= repeats; i++)
        {
            var tab = await browser.Context.NewPageAsync();
            await tab.GotoAsync($"{url}/{Page}");
            await tab.WaitForSelectorAsync(".grid[data-settled=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
            var firstMs = await tab.EvaluateAsync<double>("performance.getEntriesByName('strata:grid-first-render')[0].startTime");
            await tab.WaitForSelectorAsync("main[data-loaded=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
            var loadedMs = await tab.EvaluateAsync<double>("performance.getEntriesByName('strata:page-loaded')[0].startTime");
            cells = await tab.Locator(".grid .cell").CountAsync();
            var middleMs = await ScrollAsync(tab, "s.scrollHeight / 2");
            var endMs = await ScrollAsync(tab, "s.scrollHeight");
            var last = await tab.EvaluateAsync<string>("[...document.querySelectorAll('.grid .cell.state-upToDate')].pop().dataset.key");
            await tab.CloseAsync();
            if (i == 0)
            {
                Console.WriteLine($"warm-up: first render {firstMs:0} ms; last partition drawn after scrolling to the end: {last}");
                continue;
            }

            first.Add(firstMs);
            loaded.Add(loadedMs);
            middle.Add(middleMs);
            end.Add(endMs);
        }

        Console.WriteLine($"page: {cells:N0} cells in the page at a time (virtualised), of {size:N0} partitions");
        Console.WriteLine($"first render (navigation -> grid drawn with data)   median {Median(first),7:0} ms   best {first.Min(),7:0} ms");
        Console.WriteLine($"page complete (totals, stale and failed from the plan) median {Median(loaded),7:0} ms   best {loaded.Min(),7:0} ms");
        Console.WriteLine($"scroll to the middle -> rows drawn with data        median {Median(middle),7:0} ms   best {middle.Min(),7:0} ms");
        Console.WriteLine($"scroll to the end -> rows drawn with data           median {Median(end),7:0} ms   best {end.Min(),7:0} ms");
        await app.StopAsync();
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    // Scrolls the grid and times, in the page's own clock, until the rows now in view are drawn with their data.
    private static async Task<double> ScrollAsync(IPage tab, string to)
    {
        var start = await tab.EvaluateAsync<double>($"(() => {{ const s = document.querySelector('.grid-scroll'); s.scrollTop = {to}; document.querySelector('.grid').dataset.settled = 'false'; return performance.now(); }})()");
        await tab.WaitForSelectorAsync(".grid[data-settled=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        return await tab.EvaluateAsync<double>("performance.getEntriesByName('strata:grid-settled').pop().startTime") - start;
    }

    private static async Task<double> MedianMsAsync(HttpClient http, string path, int repeats)
    {
        var times = new List<double>();
        for (var i = 0; i <= repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return Median(times);
    }

    private static async Task<double> AllPagesMsAsync(HttpClient http, int size)
    {
        var watch = Stopwatch.StartNew();
        string? from = null;
        var total = 0;
        do
        {
            using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/pipelines/bench/datasets/hourly/grid?limit=50000{(from is null ? "" : "&from=" + from)}"));
            total += doc.RootElement.GetProperty("keys").GetArrayLength();
            from = doc.RootElement.TryGetProperty("next", out var next) ? next.GetString() : null;
        }
        while (from is not null);
        if (total != size)
        {
            throw new InvalidOperationException($"the grid listed {total} partitions, not {size}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
