using Strata.Api;
using Strata.Workflow.Contracts;

namespace Strata.Workflow.Local;

/// <summary><see cref="IRunLauncher"/> over the in-process host (<c>strata serve</c>).</summary>
public sealed class LocalRunLauncher(LocalWorkflowHost host) : IRunLauncher
{
    public async Task<RunLaunch> StartAsync(RunRequest request, CancellationToken ct)
    {
        var (id, started) = await host.StartAsync(request, ct);
        return new RunLaunch(id, started);
    }

    public Task<RunInstanceStatus?> GetAsync(string instanceId, CancellationToken ct) =>
        Task.FromResult(host.Get(instanceId) is { } i
            ? new RunInstanceStatus(i.InstanceId, i.Name, i.Status.ToString(), i.CreatedAt, i.LastUpdatedAt, i.CustomStatus, i.Output)
            : null);
}
