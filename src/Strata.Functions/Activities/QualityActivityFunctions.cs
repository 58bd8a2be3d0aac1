using Microsoft.Azure.Functions.Worker;
using Strata.Activities;
using Strata.Quality;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Activities;

/// <summary>The quality activity, one line over <see cref="QualityActivities"/>.</summary>
public sealed class QualityActivityFunctions(QualityActivities activities)
{
    [Function(WorkflowNames.CheckDataset)]
    public Task<CheckSummary> CheckDatasetAsync([ActivityTrigger] CheckDatasetInput input, CancellationToken ct) => activities.CheckDatasetAsync(input, ct);
}
