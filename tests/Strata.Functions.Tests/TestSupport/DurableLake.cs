using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Functions.Orchestration;
using Strata.Functions.Runs;
using Strata.Functions.TestWorker;
using Strata.Runs;
using Strata.Testing;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Tests.TestSupport;

/// <summary>
/// The Functions app's orchestrators and activities on the real Microsoft.DurableTask worker
/// (<see cref="DurableTaskTestHost"/>, its in-memory backend behind the gRPC sidecar), with the core
/// registered as the app registers it, over the same lake (storage namespace, pipelines, PII key) as
/// a <see cref="TestLake"/>.
/// </summary>
public sealed class DurableLake : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private DurableLake(DurableTaskTestHost host, TestLake lake)
    {
        _host = host;
        Lake = lake;
    }

    public TestLake Lake { get; }

    public DurableTaskClient Client => _host.Client;

    /// <summary>Every orchestrator episode and activity started, in order: <c>orchestrator RunPipeline</c>, <c>activity PlanLoad</c>, …</summary>
    public ConcurrentQueue<string> Runs { get; } = new();

    /// <summary>Raised as each episode or activity starts (tests act mid-run with it).</summary>
    public event Action<string>? Started;

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>The app's run launcher over this host's client, as the HTTP and landing functions create it.</summary>
    public DurableRunLauncher Launcher => new(Client, Get<PipelineStateStore>());

    public static async Task<DurableLake> StartAsync(TestLake lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(lake.Settings).Build();
        DurableLake? created = null;
        var host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddFunctions(typeof(RunPipelineOrchestrator).Assembly, StrataJson.Options, line =>
            {
                created!.Runs.Enqueue(line);
                created.Started?.Invoke(line);
            }),
            new DurableTaskTestHostOptions { Port = FreePort(), ConfigureServices = services => services.AddStrataWorker(configuration) });
        created = new DurableLake(host, lake);
        return created;
    }

    /// <summary>Starts a run through the app's launcher and waits for the pipeline's instance to end (through any continue-as-new).</summary>
    public async Task<OrchestrationMetadata> RunAsync(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var launch = await Launcher.StartAsync(request, CancellationToken.None);
        return await WaitAsync(launch.InstanceId);
    }

    /// <summary>Waits for an instance to complete, fail or terminate; fails the test after two minutes.</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
