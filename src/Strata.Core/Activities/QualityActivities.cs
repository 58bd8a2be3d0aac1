using Strata.Quality;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>The quality activity: run a source's or dataset's checks on what its step committed.</summary>
public sealed class QualityActivities(CheckService checks)
{
    public Task<CheckSummary> CheckDatasetAsync(CheckDatasetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return checks.CheckAsync(input.RunId, input.Dataset, input.Written, ct);
    }
}
