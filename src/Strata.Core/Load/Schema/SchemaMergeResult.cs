namespace Strata.Load.Schema;

/// <summary>The outcome of <see cref="SchemaMerger.Merge"/>: the merged schema and what changed.</summary>
public sealed record SchemaMergeResult(SourceSchema Schema, IReadOnlyList<DriftEvent> Events)
{
    /// <summary>True when the merged schema differs from the current one.</summary>
    public bool Changed => Events.Count > 0;
}
