using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Functions.Orchestration;
using Strata.Hosting;

namespace Strata.Functions.TestWorker;

/// <summary>
/// What a Durable worker running the Functions app's tasks needs besides the registry: the core,
/// registered as the app's Program.cs registers it, and the same JSON on worker and client as the
/// app's <c>WorkerOptions.Serializer</c> (the core's <see cref="StrataJson"/>), so histories look as they do in Azure.
/// </summary>
public static class WorkerServices
{
    public static IServiceCollection AddStrataWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddStrataCore(configuration);
        services.AddSingleton<IExceptionPropertiesProvider, TransientFailures>();
        var converter = new JsonDataConverter(StrataJson.Options);
        services.Configure<DurableTaskWorkerOptions>(options => options.DataConverter = converter);
        services.Configure<DurableTaskClientOptions>(options => options.DataConverter = converter);
        return services;
    }
}
