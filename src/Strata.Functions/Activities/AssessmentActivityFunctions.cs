using Microsoft.Azure.Functions.Worker;
using Strata.Activities;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Activities;

/// <summary>The quality activity, one line over <see cref="AssessmentActivities"/>.</summary>
public sealed class AssessmentActivityFunctions(AssessmentActivities activities)
{
    [Function(WorkflowNames.AssessQuality)]
    public Task<QualityReport> AssessQualityAsync([ActivityTrigger] AssessQualityInput input, CancellationToken ct) => activities.AssessQualityAsync(input, ct);
}
