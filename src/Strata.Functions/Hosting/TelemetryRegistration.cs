using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Strata.Functions.Hosting;

/// <summary>
/// The worker's telemetry: its logs and dependency calls go straight to Application Insights,
/// correlated with the host's invocation telemetry. Authentication is Entra ID, read by the worker
/// package from <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (set by infra; the resource refuses
/// key-based ingestion). Without <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (local runs) nothing is sent.
/// </summary>
public static class TelemetryRegistration
{
    private const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    public static IServiceCollection AddStrataTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();

        // The SDK adds a rule that keeps only warnings from ILogger; without it the Logging settings
        // (Information by default) decide, so the core's run and partition events reach Application Insights.
        services.Configure<LoggerFilterOptions>(options =>
        {
            if (options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsLoggerProvider) is { } warningsOnly)
            {
                options.Rules.Remove(warningsOnly);
            }
        });
        return services;
    }
}
