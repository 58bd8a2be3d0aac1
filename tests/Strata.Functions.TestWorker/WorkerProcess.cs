using Grpc.Net.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Functions.Orchestration;

namespace Strata.Functions.TestWorker;

/// <summary>
/// One worker of a task hub on the Azure Storage provider, as a Functions instance is one: its own
/// partition leases and queue polling (through <see cref="GrpcSidecar"/>), and the app's orchestrators
/// and activities on a Microsoft.DurableTask worker. Configured by environment variables:
/// <c>Strata__*</c> for the core (the lake's connection string, namespace, pipelines, PII key) and
/// <c>StrataTestWorker__TaskHub</c>.
/// </summary>
public static class WorkerProcess
{
    /// <summary>The line a worker prints once it takes work.</summary>
    public const string Ready = "ready";

    public static async Task<int> RunAsync(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        var log = TextWriter.Synchronized(output);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var connection = configuration["Strata:Storage:ConnectionString"] ?? throw new InvalidOperationException("set Strata__Storage__ConnectionString to the Azurite account");
        var hub = configuration["StrataTestWorker:TaskHub"] ?? throw new InvalidOperationException("set StrataTestWorker__TaskHub");

        var service = AzureStorageBackend.Create(connection, hub, $"worker-{Environment.ProcessId}");
        await service.CreateIfNotExistsAsync();
        await using var sidecar = await GrpcSidecar.StartAsync(new SidecarDefectWorkarounds(service), service, TaskHubGrpcServerMode.ApiServerAndDispatcher, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(sidecar.Address);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddStrataWorker(configuration);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(registry => registry.AddFunctions(typeof(RunPipelineOrchestrator).Assembly, StrataJson.Options, line =>
            {
                log.WriteLine(line);
                log.Flush();
            }));
        });
        using var host = builder.Build();
        await host.StartAsync();
        log.WriteLine($"{Ready} {Environment.ProcessId}");
        log.Flush();

        // Runs until the test closes standard input (a graceful stop) or kills the process.
        await input.ReadToEndAsync();
        await host.StopAsync();
        return 0;
    }
}
