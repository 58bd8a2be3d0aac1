using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Api;
using Strata.Cli.Commands;
using Strata.Cli.Hosting;
using Microsoft.Extensions.Options;
using Strata.Land;
using Strata.Schedules;
using Strata.Storage;
using Strata.Workflow.Local;

namespace Strata.Cli.Serve;

/// <summary>
/// <c>strata serve</c>: the HTTP API, the landing watcher and the schedule loop over the local workflow host. Binds
/// to 127.0.0.1 by default; binding anything else requires an API key.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var apiKey = new Option<string?>("--api-key") { Description = "Required on every request (x-functions-key header or code query); mandatory when not bound to loopback. Default: Strata__Serve__ApiKey" };
        var watch = new Option<double>("--watch-interval") { Description = "Seconds between landing sweeps", DefaultValueFactory = _ => 2.0 };
        var command = new Command("serve", "Serve the HTTP API and watch the landing container, like the Functions app, in this process") { urls, apiKey, watch };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
        {
            var bind = parse.GetValue(urls)!;
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("Strata__Serve__ApiKey");
            if (key is null && !Loopback.OnlyLoopback(bind))
            {
                Console.Error.WriteLine($"error: {bind} is reachable from other machines; pass --api-key (or set Strata__Serve__ApiKey)");
                return ExitCodes.BadInput;
            }

            var app = Build(host, bind, key, TimeSpan.FromSeconds(Math.Max(0.2, parse.GetValue(watch))), parse.GetValue(GlobalOptions.Verbose));
            Console.Error.WriteLine($"storage: {host.StorageDescription}");
            Console.Error.WriteLine($"listening on {bind}{(key is null ? "" : " (API key required)")}; Ctrl+C stops");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>The web app over an already started host; tests use it with a free port.</summary>
    public static WebApplication Build(CliHost host, string urls, string? apiKey, TimeSpan watchInterval, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(host);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Services.AddSingleton(host.Get<StrataApi>());
        builder.Services.AddSingleton(host.Get<IRunLauncher>());
        builder.Services.AddSingleton(host.Get<LocalWorkflowHost>());
        builder.Services.AddHostedService(sp => new LandingWatcher(
            host.Get<LakeStorage>(), host.Get<Lander>(), host.Get<IRunLauncher>(), watchInterval, sp.GetRequiredService<ILogger<LandingWatcher>>()));
        builder.Services.AddHostedService(sp => new ScheduleLoop(
            host.Get<ScheduleSweep>(), host.Get<IRunLauncher>(), host.Get<IOptions<ScheduleOptions>>().Value.SweepInterval, host.Get<TimeProvider>(), sp.GetRequiredService<ILogger<ScheduleLoop>>()));
        if (apiKey is not null)
        {
            builder.Services.AddSingleton(new ApiKeyCheck(apiKey));
        }

        var app = builder.Build();
        if (apiKey is not null)
        {
            app.UseMiddleware<ApiKeyCheck>();
        }

        ApiRoutes.Map(app);
        UiRoutes.Map(app);
        return app;
    }
}
