namespace Strata.Workflow.Contracts;

/// <summary>
/// Input of CheckDataset: the partitions a step committed, whose checks are due. Null means every
/// partition — a step that committed more than <see cref="MaxListed"/> passes null, to keep the
/// workflow's history small (checks whose fingerprint is current are skipped either way).
/// </summary>
public sealed record CheckDatasetInput(string RunId, string Dataset, IReadOnlyList<string>? Written)
{
    /// <summary>The most partitions listed by name.</summary>
    public const int MaxListed = 500;
}
