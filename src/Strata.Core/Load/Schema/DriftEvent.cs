namespace Strata.Load.Schema;

/// <summary>One schema change found by <see cref="SchemaMerger.Merge"/>.</summary>
/// <param name="Kind">Added, widened, format changed or first typed.</param>
/// <param name="Column">The column's name.</param>
/// <param name="From">The column before the change; null when it was added.</param>
/// <param name="To">The column after the change.</param>
public sealed record DriftEvent(DriftKind Kind, string Column, SchemaColumn? From, SchemaColumn To)
{
    public override string ToString() => Kind switch
    {
        DriftKind.ColumnAdded => $"column added: {To}",
        DriftKind.FormatChanged => $"format changed: {From} -> {To}",
        DriftKind.ColumnTyped => $"column typed: {From} -> {To}",
        _ => $"type widened: {From} -> {To}",
    };
}
