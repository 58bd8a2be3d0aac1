using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Strata.Cli.Commands;
using Strata.Cli.Hosting;
using Strata.Cli.Serve;
using Strata.Land;
using Strata.Storage;
using Strata.Testing;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Ui.Tests.Support;

/// <summary>
/// <c>strata serve</c> in this process on a free loopback port, over the shipped sweepstakes
/// pipeline in a storage namespace of its own on the shared Azurite, with the sample waves
/// (samples/01.., 02.., 03..) landed and run as the demo does — or landed and left for a run.
/// </summary>
public sealed class DemoServer : IAsyncDisposable
{
    public const string Pipeline = "sweepstakes";

    private readonly TestPipelines _pipelines;
    private readonly WebApplication _app;

    private DemoServer(TestPipelines pipelines, CliHost host, WebApplication app, string url)
    {
        _pipelines = pipelines;
        Host = host;
        _app = app;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public string Url { get; }

    internal CliHost Host { get; }

    /// <summary>A client of the API without a key (the server has none unless one was given).</summary>
    public HttpClient Http { get; }

    /// <summary>Lands the first <paramref name="landed"/> sample waves, running the pipeline after each of the first <paramref name="run"/>.</summary>
    public static async Task<DemoServer> StartAsync(AzuriteFixture azurite, int landed, int run, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var pipelines = new TestPipelines().Copy(RepoRoot.Combine("pipelines", Pipeline));
        var host = await CliHost.StartAsync(new CliSettings(pipelines.Root, Path.GetTempPath(), Fresh: false, Verbose: false), CancellationToken.None, new Dictionary<string, string?>
        {
            ["Strata:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Strata:Storage:Namespace"] = "u" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            ["Strata:Pii:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        var waves = Directory.GetDirectories(RepoRoot.Combine("samples")).Order(StringComparer.Ordinal).Take(landed).ToList();
        for (var i = 0; i < waves.Count; i++)
        {
            await LandingFiles.UploadAndLandAsync(host.Get<LakeStorage>(), host.Get<Lander>(), LandingFiles.Expand([waves[i]], "").Files, CancellationToken.None);
            if (i < run)
            {
                await host.Get<LocalWorkflowHost>().RunAsync(new RunRequest(Pipeline, Trigger: "demo"), CancellationToken.None);
            }
        }

        var url = $"http://127.0.0.1:{FreePort()}";
        var app = ServeCommand.Build(host, url, apiKey, TimeSpan.FromSeconds(1), verbose: false);
        await app.StartAsync();
        return new DemoServer(pipelines, host, app, url);
    }

    /// <summary>Another server on the same lake, e.g. one that requires an API key.</summary>
    public async Task<WebApplication> ServeAgainAsync(string apiKey)
    {
        var app = ServeCommand.Build(Host, $"http://127.0.0.1:{FreePort()}", apiKey, TimeSpan.FromMinutes(5), verbose: false);
        await app.StartAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Host.DisposeAsync();
        _pipelines.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
