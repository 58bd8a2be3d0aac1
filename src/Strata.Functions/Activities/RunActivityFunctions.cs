using Microsoft.Azure.Functions.Worker;
using Strata.Activities;
using Strata.Runs;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Activities;

/// <summary>The activities that frame a run, one line each over <see cref="RunActivities"/>.</summary>
public sealed class RunActivityFunctions(RunActivities activities)
{
    [Function(WorkflowNames.StartRun)]
    public Task<RunStarted> StartRunAsync([ActivityTrigger] StartRunInput input, CancellationToken ct) => activities.StartRunAsync(input, ct);

    [Function(WorkflowNames.SweepLanding)]
    public Task<LandingCounts> SweepLandingAsync([ActivityTrigger] SweepInput input, CancellationToken ct) => activities.SweepLandingAsync(input, ct);

    [Function(WorkflowNames.CompleteDataset)]
    public Task<bool> CompleteDatasetAsync([ActivityTrigger] CompleteDatasetInput input, CancellationToken ct) => activities.CompleteDatasetAsync(input, ct);

    [Function(WorkflowNames.CompleteRun)]
    public Task<RunEnded> CompleteRunAsync([ActivityTrigger] CompleteRunInput input, CancellationToken ct) => activities.CompleteRunAsync(input, ct);
}
