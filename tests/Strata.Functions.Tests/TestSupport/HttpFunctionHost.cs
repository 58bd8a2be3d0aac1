using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Functions.Http;

namespace Strata.Functions.Tests.TestSupport;

/// <summary>
/// The Functions app's HTTP functions on a real Kestrel (loopback, free port), invoked as the
/// worker's ASP.NET Core integration invokes them: each <c>[HttpTrigger]</c> route is mapped with
/// its methods under <c>/api/</c>, the request is the integration's own <c>AspNetCoreHttpRequestData</c>
/// over the live <see cref="HttpRequest"/> (so its response writes straight to the socket, as in
/// Azure), route values bind by parameter name and <c>[DurableClient]</c> gets the test host's client.
/// What is not exercised: the Functions host's proxying, function keys and binding metadata.
/// </summary>
public sealed class HttpFunctionHost : IAsyncDisposable
{
    // The integration's request type is internal; it is built the way its input converter builds it.
    private static readonly Type RequestDataType =
        typeof(Microsoft.Azure.Functions.Worker.Builder.FunctionsApplicationBuilderAspNetCoreExtensions).Assembly
            .GetType("Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.AspNetCoreHttpRequestData", throwOnError: true)!;

    private readonly WebApplication _app;

    private HttpFunctionHost(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<HttpFunctionHost> StartAsync(IServiceProvider services, DurableTaskClient client)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        foreach (var method in typeof(RunFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is { } function
                && method.GetParameters() is [var first, ..]
                && first.GetCustomAttribute<HttpTriggerAttribute>() is { Route: { } route, Methods: { } verbs })
            {
                app.MapMethods($"/api/{route}", verbs.Select(v => v.ToUpperInvariant()), http => InvokeAsync(http, method, function.Name, services, client));
            }
        }

        await app.StartAsync();
        return new HttpFunctionHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task InvokeAsync(HttpContext http, MethodInfo method, string function, IServiceProvider services, DurableTaskClient client)
    {
        var request = (HttpRequestData)Activator.CreateInstance(RequestDataType, http.Request, new InvocationContext(services, function))!;
        var target = ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(HttpRequestData) => request,
            var t when t == typeof(DurableTaskClient) => client,
            var t when t == typeof(CancellationToken) => http.RequestAborted,
            _ => http.GetRouteValue(p.Name!),
        }).ToArray();
        try
        {
            await (Task<HttpResponseData>)method.Invoke(target, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
