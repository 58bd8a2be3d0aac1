namespace Strata.Api;

/// <summary>
/// Starts and reports pipeline runs for the HTTP API. The local host implements it over its
/// in-process workflow; the Functions app over Durable's client. Both keep one instance per
/// pipeline, so a start during a run marks the pipeline dirty instead of overlapping.
/// </summary>
public interface IRunLauncher
{
    Task<RunLaunch> StartAsync(Workflow.Contracts.RunRequest request, CancellationToken ct);

    Task<RunInstanceStatus?> GetAsync(string instanceId, CancellationToken ct);
}

/// <summary>The instance that runs (or already ran) the request, and whether a new execution started.</summary>
public sealed record RunLaunch(string InstanceId, bool Started);

/// <summary>
/// A run's status as <c>GET /api/runs/{id}</c> returns it, with Durable's field names:
/// <c>runtimeStatus</c> is Pending, Running, Completed or Failed.
/// </summary>
public sealed record RunInstanceStatus(
    string InstanceId,
    string Name,
    string RuntimeStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    object? CustomStatus,
    object? Output);
