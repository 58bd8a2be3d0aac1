using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Strata.Functions.TestWorker;

/// <summary>
/// The test host's gRPC sidecar (<see cref="TaskHubGrpcServer"/>) in front of any orchestration
/// service, on a free loopback port: workers and clients of Microsoft.DurableTask talk to it as the
/// Functions worker talks to the Functions host. <see cref="TaskHubGrpcServerMode.ApiServerOnly"/>
/// gives a client that dispatches nothing (the tests' process); the default also dispatches work to
/// the worker connected to it.
/// </summary>
public sealed class GrpcSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcSidecar(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public static async Task<GrpcSidecar> StartAsync(IOrchestrationService service, IOrchestrationServiceClient client, TaskHubGrpcServerMode mode, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(client);
        builder.Services.Configure<TaskHubGrpcServerOptions>(options => options.Mode = mode);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(ct);
        return new GrpcSidecar(app, app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
