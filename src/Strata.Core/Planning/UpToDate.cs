using Strata.Partitions;
using Strata.Workflow.Contracts;

namespace Strata.Planning;

/// <summary>
/// How many committed partitions a plan leaves as they are. A plan reads only what changed, so
/// the count comes from the dataset summary's partition count (kept by every completion, no extra
/// read) less the stale partitions that are already committed. The summary is written when a
/// dataset step completes, so partitions a stopped run committed are not in it yet; the
/// candidates the plan found committed and current are, so the count is never below theirs. A
/// run limited by <c>--from</c>/<c>--to</c> counts only its range: one key-only range read of the
/// committed partitions in it, never of the whole dataset.
/// </summary>
internal static class UpToDate
{
    /// <param name="partitions">The store, for a ranged count.</param>
    /// <param name="dataset">The source or dataset.</param>
    /// <param name="summary">Its summary, if it ever completed.</param>
    /// <param name="request">The run or plan request (its range).</param>
    /// <param name="staleCommitted">Stale partitions that are committed.</param>
    /// <param name="currentCandidates">Candidates found committed with the expected fingerprint.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<int> CountAsync(PartitionStore partitions, string dataset, DatasetSummary? summary, RunRequest request, int staleCommitted, int currentCandidates, CancellationToken ct)
    {
        var committed = request.From is null && request.To is null
            ? summary?.Partitions ?? 0
            : await partitions.CountAsync(dataset, request.From, request.To, ct);
        return (int)Math.Clamp(Math.Max(committed - staleCommitted, currentCandidates), 0, int.MaxValue);
    }
}
