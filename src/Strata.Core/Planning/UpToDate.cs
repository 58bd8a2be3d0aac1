using Strata.Partitions;
using Strata.Workflow.Contracts;

namespace Strata.Planning;

/// <summary>
/// How many committed partitions a plan leaves as they are. A plan reads only what changed, so
/// the count comes from the dataset summary's partition count (kept by every completion, no extra
/// read) less the stale partitions that are already committed. A run limited by
/// <c>--from</c>/<c>--to</c> counts only its range: one key-only range read of the committed
/// partitions in it, never of the whole dataset. Partitions committed by a run that stopped
/// before completing its dataset are counted once the next run completes it.
/// </summary>
internal static class UpToDate
{
    public static async Task<int> CountAsync(PartitionStore partitions, string dataset, DatasetSummary? summary, RunRequest request, int staleCommitted, CancellationToken ct)
    {
        var committed = request.From is null && request.To is null
            ? summary?.Partitions ?? 0
            : await partitions.CountAsync(dataset, request.From, request.To, ct);
        return (int)Math.Clamp(committed - staleCommitted, 0, int.MaxValue);
    }
}
