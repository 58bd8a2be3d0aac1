using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Api;
using Strata.Cli.Commands;
using Strata.Cli.Hosting;
using Microsoft.Extensions.Options;
using Strata.Cli.Output;
using Strata.Land;
using Strata.Schedules;
using Strata.Storage;
using Strata.Workflow.Local;

namespace Strata.Cli.Serve;

/// <summary>
/// <c>strata serve</c>: the HTTP API, the landing watcher and the schedule loop over the local
/// workflow host. Binds to 127.0.0.1 by default. Whether an API key is required is decided from
/// the addresses the server actually bound once started — Kestrel's own settings
/// (<c>Kestrel__Endpoints__…</c>) override <c>--urls</c> — and a server bound off loopback
/// without a key stops at once.
/// </summary>
internal static class ServeCommand
{
    private const string ApiKeySetting = "Strata__Serve__ApiKey";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var apiKey = new Option<string?>("--api-key") { Description = $"Required on every request (x-functions-key header or code query); mandatory when bound off loopback. Default: {ApiKeySetting}" };
        var watch = new Option<double>("--watch-interval") { Description = "Seconds between landing sweeps", DefaultValueFactory = _ => 2.0 };
        var command = new Command("serve", "Serve the HTTP API and watch the landing container, like the Functions app, in this process") { urls, apiKey, watch };
        command.SetAction((parse, ct) =>
        {
            var key = parse.GetResult(apiKey) is not null ? parse.GetValue(apiKey) ?? "" : Environment.GetEnvironmentVariable(ApiKeySetting);
            if (key is not null && string.IsNullOrWhiteSpace(key))
            {
                CliConsole.Error($"the API key is empty (--api-key or {ApiKeySetting}); an empty key would let every request in: give a long random key (openssl rand -base64 24), or none to serve loopback only");
                return Task.FromResult(ExitCodes.BadInput);
            }

            return CommandRunner.RunAsync(GlobalOptions.Read(parse, logInformation: true), async host =>
            {
                var bind = parse.GetValue(urls)!;
                if (key is null && !Loopback.OnlyLoopback(bind))
                {
                    CliConsole.Error($"{bind} is reachable from other machines; pass --api-key (or set {ApiKeySetting})");
                    return ExitCodes.BadInput;
                }

                await using var app = Build(host, bind, key, TimeSpan.FromSeconds(Math.Max(0.2, parse.GetValue(watch))), parse.GetValue(GlobalOptions.Verbose));
                await app.StartAsync(ct);
                var bound = BoundAddresses(app);
                if (key is null && !Loopback.OnlyLoopback(bound))
                {
                    await app.StopAsync(CancellationToken.None);
                    CliConsole.Error($"the server bound {string.Join(", ", bound)} (Kestrel settings override --urls), which other machines can reach; pass --api-key (or set {ApiKeySetting}), or bind loopback only");
                    return ExitCodes.BadInput;
                }

                CliConsole.Note($"storage: {host.StorageDescription}");
                CliConsole.Note($"listening on {string.Join(", ", bound)}{(key is null ? "" : " (API key required)")}; Ctrl+C stops");
                await app.WaitForShutdownAsync(ct);
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    /// <summary>
    /// The web app over an already started host; tests use it with a free port. An API key is
    /// required on every request when given (never empty); without one only loopback requests are answered.
    /// </summary>
    public static WebApplication Build(CliHost host, string urls, string? apiKey, TimeSpan watchInterval, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(host);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders().AddCliConsole(verbose);
        builder.Services.AddSingleton(host.Get<StrataApi>());
        builder.Services.AddSingleton(host.Get<IRunLauncher>());
        builder.Services.AddSingleton(host.Get<LocalWorkflowHost>());
        builder.Services.AddHostedService(sp => new LandingWatcher(
            host.Get<LakeStorage>(), host.Get<Lander>(), host.Get<IRunLauncher>(), watchInterval, sp.GetRequiredService<ILogger<LandingWatcher>>()));
        builder.Services.AddHostedService(sp => new ScheduleLoop(
            host.Get<ScheduleSweep>(), host.Get<IRunLauncher>(), host.Get<IOptions<ScheduleOptions>>().Value.SweepInterval, host.Get<TimeProvider>(), sp.GetRequiredService<ILogger<ScheduleLoop>>()));
        builder.Services.AddSingleton(new ApiKeyCheck(apiKey));

        var app = builder.Build();
        app.UseMiddleware<ApiKeyCheck>();
        ApiRoutes.Map(app);
        UiRoutes.Map(app);
        return app;
    }

    /// <summary>The addresses the started server listens on, as Kestrel reports them (<c>http://[::]:7071</c> for any address).</summary>
    public static IReadOnlyList<string> BoundAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }
}
