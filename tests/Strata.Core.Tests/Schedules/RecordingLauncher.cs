using Strata.Api;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Tests.Schedules;

/// <summary>
/// A launcher that records what a sweep asked to start (the decision is under test here, not the
/// run); <see cref="Fail"/> makes starts throw, as a host that died mid-start would leave them.
/// </summary>
internal sealed class RecordingLauncher : IRunLauncher
{
    private readonly List<RunRequest> _starts = [];

    public bool Fail { get; set; }

    public IReadOnlyList<RunRequest> Starts
    {
        get
        {
            lock (_starts)
            {
                return [.. _starts];
            }
        }
    }

    public Task<RunLaunch> StartAsync(RunRequest request, CancellationToken ct)
    {
        if (Fail)
        {
            throw new InvalidOperationException("the host went away before the run started");
        }

        lock (_starts)
        {
            _starts.Add(request);
        }

        return Task.FromResult(new RunLaunch(InstanceIds.ForPipeline(request.Pipeline), Started: true));
    }

    public Task<RunInstanceStatus?> GetAsync(string instanceId, CancellationToken ct) => Task.FromResult<RunInstanceStatus?>(null);
}
