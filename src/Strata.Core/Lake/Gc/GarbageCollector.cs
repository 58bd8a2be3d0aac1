using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Definitions;
using Strata.Fragments;
using Strata.Lake.Delta;
using Strata.Lake.Publishing;
using Strata.Partitions;
using Strata.Storage;

namespace Strata.Lake.Gc;

/// <summary>
/// <c>strata gc</c>, and the Functions app's scheduled step: deletes every blob of load,
/// integrate, products and Strata's own container that nothing references (see
/// <see cref="References"/>) — superseded outputs out of retention, outputs of lost races and
/// crashed builds, orphaned fragments. Never a <c>_delta_log/</c> file, never landing, raw or
/// quarantine, never an unreferenced blob younger than <see cref="LakeOptions.GcGraceAge"/> (a
/// build may be writing it). Deleting only unreferenced blobs, and bookkeeping rows only after
/// their blobs, makes a crash at any point lose nothing: the next pass finishes the job.
/// </summary>
public sealed partial class GarbageCollector(
    PipelineCatalog catalog,
    PartitionStore partitions,
    FragmentStore fragments,
    LakeStateStore lake,
    LakeStorage storage,
    IOptions<LakeOptions> options,
    TimeProvider time,
    ILogger<GarbageCollector> log)
{
    /// <summary>Where gc looks: the table containers whole, and only the fragments of Strata's own container.</summary>
    private static readonly (string Container, string? Prefix)[] s_scopes =
        [(LakeContainers.Load, null), (LakeContainers.Integrate, null), (LakeContainers.Products, null), (FragmentPaths.Container, FragmentPaths.Folder)];

    /// <summary>One pass. A dry run lists what would go and deletes nothing; <paramref name="deleted"/> hears of each deletion as it happens.</summary>
    public async Task<GcReport> CollectAsync(bool dryRun, CancellationToken ct, Action<GcItem>? deleted = null)
    {
        var settings = options.Value;
        settings.Validate();
        var now = time.GetUtcNow();
        var references = await References.ReadAsync(catalog, partitions, fragments, lake, settings, now, ct);
        var found = new List<(GcItem Item, ETag ETag)>();
        foreach (var (container, prefix) in s_scopes)
        {
            await foreach (var blob in storage.Container(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
            {
                if (blob.Name.Contains($"/{DeltaLog.Folder}/", StringComparison.Ordinal) || references.Needs(container, blob.Name))
                {
                    continue;
                }

                var expired = references.ExpiredTombstone(container, blob.Name) is not null;
                if (!expired && blob.Properties.LastModified > now - settings.GcGraceAge)
                {
                    continue; // perhaps a build writing it right now
                }

                found.Add((new GcItem(container, blob.Name, blob.Properties.ContentLength ?? 0, ReasonFor(container, blob.Name, expired)), blob.Properties.ETag ?? ETag.All));
            }
        }

        var count = 0;
        if (!dryRun)
        {
            foreach (var (item, etag) in found)
            {
                ct.ThrowIfCancellationRequested();
                if (await DeleteAsync(item, etag, ct))
                {
                    count++;
                    deleted?.Invoke(item);
                }
            }

            await lake.RemoveTombstonesAsync(references.Expired, ct);
        }

        LogCollected(dryRun, found.Count, found.Sum(f => f.Item.Size), count);
        return new GcReport(found.Select(f => f.Item).ToList(), dryRun, count);
    }

    /// <summary>Deletes the blob unless it changed since it was listed (then it may be a fresh write under a reused name).</summary>
    private async Task<bool> DeleteAsync(GcItem item, ETag etag, CancellationToken ct)
    {
        try
        {
            var conditions = new BlobRequestConditions { IfMatch = etag };
            return (await storage.Container(item.Container).DeleteBlobIfExistsAsync(item.Blob, DeleteSnapshotsOption.IncludeSnapshots, conditions, ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    private static string ReasonFor(string container, string blob, bool expired) =>
        expired ? "superseded; out of retention"
        : container == LakeContainers.Internal || blob.Contains("/_fragments/", StringComparison.Ordinal) ? "orphaned fragment"
        : "unreferenced output (superseded, lost race or crashed build)";

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "gc (dry run: {DryRun}): {Count} unreferenced blob(s), {Bytes} bytes; {Deleted} deleted")]
    private partial void LogCollected(bool dryRun, int count, long bytes, int deleted);
}
