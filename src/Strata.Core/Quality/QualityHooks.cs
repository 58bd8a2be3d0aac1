using Strata.Workflow.Contracts;

namespace Strata.Quality;

/// <summary>
/// The calls partition builds and plans make into quality, kept in one place so the activities
/// stay a line per hook: expectation outputs of a build, and the waiting markers of partitions
/// a plan found blocked.
/// </summary>
public sealed class QualityHooks(QualityStore store, ExpectationOutputs expectations)
{
    public ExpectationOutputs Expectations { get; } = expectations;

    /// <summary>
    /// After a run's plan of a dataset: marks each blocked partition as waiting (so a later plan
    /// takes it up again when its input is released, whatever else changed) and clears the marks of
    /// partitions in the request's range that no longer wait.
    /// </summary>
    public async Task RecordBlockedAsync(DatasetPlan plan, RunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        var blocked = (plan.Blocked ?? []).ToDictionary(b => b.Partition, b => b.Detail, StringComparer.Ordinal);
        foreach (var (partition, detail) in blocked)
        {
            await store.SetBlockedAsync(plan.Dataset, partition, detail, ct);
        }

        foreach (var waiting in await store.BlockedAsync(plan.Dataset, ct))
        {
            if (!blocked.ContainsKey(waiting) && request.InRange(waiting))
            {
                await store.SetBlockedAsync(plan.Dataset, waiting, null, ct);
            }
        }
    }
}
