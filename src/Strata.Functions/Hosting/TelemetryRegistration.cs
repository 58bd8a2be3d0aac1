using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Strata.Telemetry;

namespace Strata.Functions.Hosting;

/// <summary>
/// The worker's telemetry: its logs and dependency calls go straight to Application Insights,
/// correlated with the host's invocation telemetry. Authentication is Entra ID, read by the worker
/// package from <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (set by infra; the resource refuses
/// key-based ingestion). Without <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (local runs) nothing is sent.
/// The core's OpenTelemetry meter and activity source (<see cref="StrataTelemetry.Name"/>) go to the same
/// resource through the Azure Monitor exporter: metrics land in <c>customMetrics</c>, which the alert
/// rules in infra/modules/alerts.bicep query; spans land in <c>dependencies</c>.
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
        AddStrataExport(services);
        return services;
    }

    private static void AddStrataExport(IServiceCollection services)
    {
        var connection = Environment.GetEnvironmentVariable("APPLICATIONINSIGHTS_CONNECTION_STRING");
        if (string.IsNullOrEmpty(connection))
        {
            return;
        }

        // The managed identity the authentication string names (Authorization=AAD;ClientId=<id>): the resource accepts Entra ID only.
        var clientId = (Environment.GetEnvironmentVariable("APPLICATIONINSIGHTS_AUTHENTICATION_STRING") ?? "")
            .Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim() == "ClientId").Select(p => p[1].Trim()).FirstOrDefault();
        var credential = new Azure.Identity.DefaultAzureCredential(new Azure.Identity.DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(StrataTelemetry.Name).AddAzureMonitorMetricExporter(o => (o.ConnectionString, o.Credential) = (connection, credential)))
            .WithTracing(t => t.AddSource(StrataTelemetry.Name).AddAzureMonitorTraceExporter(o => (o.ConnectionString, o.Credential) = (connection, credential)));
    }
}
