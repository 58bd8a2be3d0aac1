namespace Strata.Definitions;

/// <summary>
/// How an <see cref="SourceMode.Upsert"/> source picks the row that stands for a key. The key is
/// scoped to a load partition (the partition key is implicitly part of it, like a non-global
/// index): a partition holds, per key, its row with the highest <see cref="Sequence"/>; a tie goes
/// to the row landed later, and within one file to the later row, so the result never depends on
/// timing. When that row carries the delete marker, the key is absent from the partition.
/// </summary>
/// <param name="Key">The columns that identify a row, in declaration order.</param>
/// <param name="Sequence">The column whose highest value wins (a version, a change number, an update time).</param>
/// <param name="DeleteColumn">The delete-marker column, or null when the source has none.</param>
/// <param name="DeleteValue">The marker's value as text: a row whose <see cref="DeleteColumn"/> reads as this is a delete (<c>true</c> for a boolean column).</param>
public sealed record UpsertRule(IReadOnlyList<string> Key, string Sequence, string? DeleteColumn = null, string DeleteValue = "true")
{
    /// <summary>Every column the rule names: key, sequence and delete marker.</summary>
    public IEnumerable<string> Columns => DeleteColumn is null ? [.. Key, Sequence] : [.. Key, Sequence, DeleteColumn];
}
