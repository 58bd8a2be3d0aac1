namespace Strata.Quality;

/// <summary>
/// The quality of one source or dataset as <c>strata checks list</c> and
/// <c>GET /api/datasets/{dataset}/checks</c> show it.
/// </summary>
/// <param name="Dataset">Source or dataset name.</param>
/// <param name="Checks">The declared checks: name, kind, severity.</param>
/// <param name="Results">The latest result per partition and check, in partition order.</param>
/// <param name="Held">Held partitions and the check holding each.</param>
/// <param name="Blocked">Partitions waiting for a held input, with the plan's <c>blocked by</c> detail.</param>
/// <param name="Expectations">Per partition, the rows of its last build that did not meet each expectation.</param>
public sealed record DatasetChecks(
    string Dataset,
    IReadOnlyList<DeclaredCheck> Checks,
    IReadOnlyList<CheckResult> Results,
    IReadOnlyDictionary<string, string> Held,
    IReadOnlyList<string> Blocked,
    IReadOnlyList<PartitionExpectations> Expectations);

/// <summary>A declared check as listed.</summary>
public sealed record DeclaredCheck(string Name, string Kind, string Severity);

/// <summary>Expectation counts of one partition's last build.</summary>
public sealed record PartitionExpectations(string Partition, IReadOnlyList<ExpectationCount> Counts);
