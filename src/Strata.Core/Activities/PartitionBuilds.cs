using Azure.Storage.Blobs;
using Strata.Definitions;
using Strata.Partitions;
using Strata.Security;
using Strata.Transform;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>
/// The rules every partition build follows, written once: skip a fingerprint already committed
/// (replays and retries do no double work), and on failure record a failure marker (so the next
/// plan retries it and says why), then either report the failure (the user's to fix: bad SQL, a
/// bad definition, a missing key, an output type a Delta table cannot hold) or rethrow (storage trouble, which the host retries).
/// </summary>
internal static class PartitionBuilds
{
    public static bool IsUserError(Exception e) => e is SqlException or DefinitionException or PiiKeyException or Lake.LakeException or Quality.ExpectationFailedException;

    /// <summary>Runs a build; failures become a marker plus a Failed result (user errors) or a rethrow (the rest).</summary>
    public static async Task<BuildResult> GuardAsync(PartitionStore partitions, BuildInput input, TimeProvider time, Action<string> logFailed, Func<Task<BuildResult>> build)
    {
        using var span = Telemetry.PartitionTelemetry.Start(input);
        var started = time.GetTimestamp();
        try
        {
            return Telemetry.PartitionTelemetry.End(span, input, await build(), time.GetElapsedTime(started));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Telemetry.PartitionTelemetry.Fail(span, input, e, time.GetElapsedTime(started));
            logFailed(e.Message);
            try
            {
                await partitions.RecordFailureAsync(new FailureMarker(input.Dataset, input.Partition, input.Fingerprint, e.Message, input.RunId, time.GetUtcNow()), CancellationToken.None);
            }
            catch (Exception) when (!IsUserError(e))
            {
                // Storage is failing too; CompleteDataset writes the marker once the run gets there.
            }

            if (!IsUserError(e))
            {
                throw;
            }

            return new BuildResult(input.Partition, BuildOutcome.Failed, 0, 0, null, e.Message);
        }
    }

    /// <summary>
    /// After losing the commit race: deletes this build's blobs — except any the committed row
    /// references, because a retry of the same build in the same run writes the same names, and
    /// the attempt that won may have been the other one.
    /// </summary>
    public static async Task DiscardAsync(PartitionStore partitions, BlobContainerClient container, BuildInput input, IEnumerable<string> blobs, CancellationToken ct)
    {
        var current = await partitions.GetAsync(input.Dataset, input.Partition, ct);
        var referenced = current is null ? [] : current.ExtraPaths.Prepend(current.OutputPath).ToHashSet(StringComparer.Ordinal);
        foreach (var blob in blobs.Where(b => !referenced.Contains(b)))
        {
            await container.DeleteBlobIfExistsAsync(blob, cancellationToken: ct);
        }
    }

    /// <summary>
    /// Reads the committed partition and any failure marker; when <paramref name="fingerprint"/> is
    /// already committed (and the run is not forced) returns the Skipped result to answer with.
    /// </summary>
    public static async Task<(PartitionRecord? Previous, FailureMarker? Failure, BuildResult? Skip)> BeginAsync(
        PartitionStore partitions, BuildInput input, string fingerprint, CancellationToken ct) =>
        await BeginAsync(partitions, input, fingerprint, await partitions.GetAsync(input.Dataset, input.Partition, ct), await partitions.GetFailureAsync(input.Dataset, input.Partition, ct), ct);

    /// <summary>As above, with the committed row and failure marker already read (for many partitions at once, see <see cref="PartitionStore.GetManyAsync"/>).</summary>
    public static async Task<(PartitionRecord? Previous, FailureMarker? Failure, BuildResult? Skip)> BeginAsync(
        PartitionStore partitions, BuildInput input, string fingerprint, PartitionRecord? previous, FailureMarker? failure, CancellationToken ct)
    {
        if (input.Force || previous?.Fingerprint != fingerprint)
        {
            return (previous, failure, null);
        }

        if (failure is not null)
        {
            await partitions.ClearFailureAsync(failure, ct);
        }

        return (previous, failure, new BuildResult(input.Partition, BuildOutcome.Skipped, 0, 0, previous!.OutputHash, null));
    }
}
