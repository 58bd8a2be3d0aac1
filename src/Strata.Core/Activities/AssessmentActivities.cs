using Strata.Quality;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>The quality activity: one call per source or dataset step, over <see cref="QualityAssessor"/>.</summary>
public sealed class AssessmentActivities(QualityAssessor assessor)
{
    /// <summary>Compares the step's new profiles with their history and weighs its quarantine. Idempotent: a retry writes the same rows.</summary>
    public Task<QualityReport> AssessQualityAsync(AssessQualityInput input, CancellationToken ct) => assessor.AssessAsync(input, ct);
}
