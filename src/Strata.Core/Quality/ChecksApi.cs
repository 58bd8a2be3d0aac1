using Strata.Definitions;

namespace Strata.Quality;

/// <summary>
/// What people do with checks: list a dataset's results, and accept a failing result so its
/// partition is released. An acceptance records who and why, and is tied to the failing result's
/// fingerprint: when the partition or the check changes and it fails again, it holds again.
/// </summary>
public sealed class ChecksApi(PipelineCatalog catalog, QualityStore store, TimeProvider time)
{
    /// <summary>Checks, results, holds, waiting partitions and expectation counts of one source or dataset.</summary>
    public async Task<DatasetChecks> ListAsync(string dataset, string? partition, CancellationToken ct)
    {
        var rules = Rules(dataset);
        var counts = new List<PartitionExpectations>();
        await foreach (var (key, c) in store.CountsAsync(dataset, ct))
        {
            if (partition is null || key == partition)
            {
                counts.Add(new PartitionExpectations(key, c));
            }
        }

        return new DatasetChecks(
            dataset,
            rules.Checks.Select(c => new DeclaredCheck(c.Name, CheckRunner.KindName(c.Kind), c.Severity.ToString().ToLowerInvariant())).ToList(),
            await store.ResultsAsync(dataset, partition, ct),
            await store.HeldAsync(dataset, ct),
            await store.BlockedAsync(dataset, ct),
            counts);
    }

    /// <summary>Accepts the failing result of <paramref name="check"/> on <paramref name="partition"/>; returns it with the acceptance.</summary>
    /// <exception cref="QualityException">No such dataset, result, or the result is not a failure.</exception>
    public async Task<CheckResult> AcceptAsync(string dataset, string partition, string check, string by, string reason, CancellationToken ct)
    {
        Rules(dataset);
        if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(by))
        {
            throw new QualityException("an acceptance needs a reason and who accepts it (--reason and --by, or the API body's reason and by)");
        }

        var result = (await store.ResultsAsync(dataset, partition, ct)).FirstOrDefault(r => r.Check == check)
            ?? throw new QualityException($"{dataset} [{partition}] has no result for check '{check}'; run 'strata checks list {dataset}' to see its checks and results");
        if (result.Passed)
        {
            throw new QualityException($"check '{check}' passed on {dataset} [{partition}]; there is nothing to accept");
        }

        var accepted = result with { Acceptance = new CheckAcceptance(Bounded(by, 200), Bounded(reason, 2_000), time.GetUtcNow(), result.Fingerprint) };
        await store.SaveResultAsync(accepted, ct);
        return accepted;
    }

    private QualityRules Rules(string dataset)
    {
        var pipeline = catalog.PipelineOf(dataset) ?? throw new QualityException($"no source or dataset named '{dataset}'; check the name against pipeline.yaml");
        return pipeline.FindSource(dataset)?.Quality ?? pipeline.FindDataset(dataset)?.Quality ?? QualityRules.Empty;
    }

    private static string Bounded(string text, int max) => text.Length <= max ? text.Trim() : text[..max].Trim();
}
