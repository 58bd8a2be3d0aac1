namespace Strata.Views;

/// <summary>
/// A page of committed partitions in key order, as columns rather than objects so a grid of
/// 100,000 partitions travels and parses fast: the i-th partition is <c>Keys[i]</c> with
/// <c>Rows[i]</c> rows, committed at <c>CommittedAt[i]</c> (Unix seconds) by run
/// <c>Runs[Run[i]]</c>. <see cref="Next"/> is the key to pass as <c>after</c> for the next page;
/// null at the end.
/// </summary>
public sealed record PartitionGrid(
    string Dataset,
    IReadOnlyList<string> Keys,
    IReadOnlyList<long> Rows,
    IReadOnlyList<long> CommittedAt,
    IReadOnlyList<int> Run,
    IReadOnlyList<string> Runs,
    string? Next);
