using Microsoft.Azure.Functions.Worker;
using Strata.Activities;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Activities;

/// <summary>The integrate and action activities, one line each over <see cref="DatasetActivities"/>.</summary>
public sealed class DatasetActivityFunctions(DatasetActivities activities)
{
    [Function(WorkflowNames.PlanDataset)]
    public Task<DatasetPlan> PlanDatasetAsync([ActivityTrigger] PlanDatasetInput input, CancellationToken ct) => activities.PlanDatasetAsync(input, ct);

    [Function(WorkflowNames.BuildDatasetPartition)]
    public Task<BuildResult> BuildDatasetPartitionAsync([ActivityTrigger] BuildInput input, CancellationToken ct) => activities.BuildDatasetPartitionAsync(input, ct);

    [Function(WorkflowNames.BuildDatasetPartitions)]
    public Task<BuildResult[]> BuildDatasetPartitionsAsync([ActivityTrigger] BuildPartitionsInput input, CancellationToken ct) => activities.BuildDatasetPartitionsAsync(input, ct);
}
