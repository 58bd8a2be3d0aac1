using Microsoft.Azure.Functions.Worker;
using Strata.Activities;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Activities;

/// <summary>The load activities, one line each over <see cref="LoadActivities"/>.</summary>
public sealed class LoadActivityFunctions(LoadActivities activities)
{
    [Function(WorkflowNames.PlanParse)]
    public Task<ParsePlan> PlanParseAsync([ActivityTrigger] PlanParseInput input, CancellationToken ct) => activities.PlanParseAsync(input, ct);

    [Function(WorkflowNames.ParseRawBlob)]
    public Task<ParseSummary> ParseRawBlobAsync([ActivityTrigger] ParseInput input, CancellationToken ct) => activities.ParseRawBlobAsync(input, ct);

    [Function(WorkflowNames.PlanLoad)]
    public Task<DatasetPlan> PlanLoadAsync([ActivityTrigger] PlanLoadInput input, CancellationToken ct) => activities.PlanLoadAsync(input, ct);

    [Function(WorkflowNames.BuildLoadPartition)]
    public Task<BuildResult> BuildLoadPartitionAsync([ActivityTrigger] BuildInput input, CancellationToken ct) => activities.BuildLoadPartitionAsync(input, ct);

    [Function(WorkflowNames.BuildLoadPartitions)]
    public Task<BuildResult[]> BuildLoadPartitionsAsync([ActivityTrigger] BuildPartitionsInput input, CancellationToken ct) => activities.BuildLoadPartitionsAsync(input, ct);
}
