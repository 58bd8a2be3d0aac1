using Strata.Definitions;
using Strata.Partitions;
using Strata.Security;
using Strata.Transform;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>
/// The one rule for a failed partition build: record a failure marker (so the next plan retries
/// it and says why), then either report the failure (the user's to fix: bad SQL, a bad
/// definition, a missing key) or rethrow (storage trouble, which the host retries).
/// </summary>
internal static class BuildFailures
{
    public static bool IsUserError(Exception e) => e is SqlException or DefinitionException or PiiKeyException;

    public static async Task<BuildResult> RecordAsync(PartitionStore partitions, BuildInput input, Exception error, DateTimeOffset at)
    {
        try
        {
            await partitions.RecordFailureAsync(new FailureMarker(input.Dataset, input.Partition, input.Fingerprint, error.Message, input.RunId, at), CancellationToken.None);
        }
        catch (Exception) when (!IsUserError(error))
        {
            // Storage is failing; the host retries the build and the run does not advance past it.
        }

        return new BuildResult(input.Partition, BuildOutcome.Failed, 0, 0, null, error.Message);
    }
}
