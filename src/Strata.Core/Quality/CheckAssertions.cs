using Strata.Lineage.OpenLineage;

namespace Strata.Quality;

/// <summary>
/// Feeds check results into OpenLineage's data quality assertions facet: per check, the results
/// of the partitions the step checked in this run (a check passes only when every one passed;
/// failures are their offending rows).
/// </summary>
public sealed class CheckAssertions(QualityStore store) : IQualityAssertions
{
    public async Task<IReadOnlyList<QualityAssertion>> ForStepAsync(string runId, string dataset, CancellationToken ct)
    {
        var results = (await store.ResultsAsync(dataset, null, ct)).Where(r => r.RunId == runId);
        return results
            .GroupBy(r => r.Check, StringComparer.Ordinal)
            .Select(g =>
            {
                var failed = g.Where(r => !r.Passed).ToList();
                return new QualityAssertion(
                    g.Key,
                    failed.Count == 0,
                    null,
                    g.First().Severity.ToString().ToLowerInvariant(),
                    failed.Count == 0 ? null : failed.Sum(r => r.Offending));
            })
            .ToList();
    }
}
