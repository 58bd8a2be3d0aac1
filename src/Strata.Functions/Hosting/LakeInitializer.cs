using Microsoft.Extensions.Hosting;
using Strata.Storage;

namespace Strata.Functions.Hosting;

/// <summary>
/// Creates the lake's containers and tables that do not exist yet when the worker starts, as the CLI
/// does before every command. In Azure infra has created the containers and this is a cheap check;
/// against Azurite it prepares an empty emulator. A lake that cannot be reached stops the worker at
/// start with the core's message (endpoint, status, which role to check) instead of failing the first run.
/// </summary>
public sealed class LakeInitializer(LakeStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
