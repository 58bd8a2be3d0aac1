namespace Strata.Lineage.OpenLineage;

/// <summary>
/// Where a step's quality results come from: the hook quality checks plug into. Until they exist
/// the registered source (<see cref="NoQualityAssertions"/>) has none, and events carry no
/// assertions facet.
/// </summary>
public interface IQualityAssertions
{
    /// <summary>The results of the checks that ran on what <paramref name="dataset"/>'s step of <paramref name="runId"/> wrote.</summary>
    Task<IReadOnlyList<QualityAssertion>> ForStepAsync(string runId, string dataset, CancellationToken ct);
}

/// <summary>No quality checks: no assertions.</summary>
public sealed class NoQualityAssertions : IQualityAssertions
{
    public Task<IReadOnlyList<QualityAssertion>> ForStepAsync(string runId, string dataset, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<QualityAssertion>>([]);
}
