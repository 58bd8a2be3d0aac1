namespace Strata.Load.Schema;

/// <summary>
/// Merges the schema a source has with the schema of newly loaded data (drift policy Evolve).
/// Columns keep the current order; new columns follow in the incoming order. A column present on
/// both sides takes the <see cref="TypeLattice"/> join of the two types and is nullable if either
/// side is. Columns missing from the incoming side are kept (their new rows are null) and are not
/// drift; a column that becomes nullable counts as <see cref="DriftKind.TypeWidened"/>.
/// <list type="bullet">
/// <item>A column the incoming side has no value in (<see cref="SchemaColumn.NoValues"/>) carries no
/// type evidence: it changes nothing that exists, and is added as a no-values placeholder; the first
/// values it gets type it (<see cref="DriftKind.ColumnTyped"/>).</item>
/// <item>A date or timestamp column takes the incoming side's <see cref="SchemaColumn.Format"/> (the
/// newer file's, null for ISO 8601); a different one alone is <see cref="DriftKind.FormatChanged"/>.</item>
/// </list>
/// Types merge associatively and commutatively, so the types after a set of files do not depend on
/// the order they are merged in; the format recorded is the last file's (schema evolution merges in
/// landing order).
/// </summary>
public static class SchemaMerger
{
    /// <summary>Merges <paramref name="incoming"/> into <paramref name="current"/>.</summary>
    /// <returns>The merged schema and one <see cref="DriftEvent"/> per added or changed column.</returns>
    public static SchemaMergeResult Merge(SourceSchema current, SourceSchema incoming)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(incoming);
        var columns = new List<SchemaColumn>(current.Columns.Count + incoming.Columns.Count);
        var events = new List<DriftEvent>();
        foreach (var mine in current.Columns)
        {
            var theirs = incoming.Find(mine.Name);
            if (theirs is null || theirs.NoValues)
            {
                columns.Add(mine);
                continue;
            }

            var merged = Join(mine, theirs);
            if (merged != mine)
            {
                var kind = mine.NoValues ? DriftKind.ColumnTyped
                    : merged with { Format = mine.Format } == mine ? DriftKind.FormatChanged
                    : DriftKind.TypeWidened;
                events.Add(new DriftEvent(kind, mine.Name, mine, merged));
            }

            columns.Add(merged);
        }

        foreach (var theirs in incoming.Columns)
        {
            if (current.Find(theirs.Name) is null)
            {
                // Rows loaded before the column existed read it as null, so an added column is nullable.
                var added = current.Columns.Count == 0 ? theirs : theirs with { Nullable = true };
                columns.Add(added);
                events.Add(new DriftEvent(DriftKind.ColumnAdded, theirs.Name, null, added));
            }
        }

        return new SchemaMergeResult(events.Count == 0 ? current : new SourceSchema(columns), events);
    }

    private static SchemaColumn Join(SchemaColumn mine, SchemaColumn theirs)
    {
        if (mine.NoValues)
        {
            return theirs with { Nullable = mine.Nullable || theirs.Nullable };
        }

        var (type, scale) = TypeLattice.Join(mine.Type, mine.Scale, theirs.Type, theirs.Scale);
        var format = TypeLattice.IsTemporal(type) ? theirs.Format : null; // a temporal join means both sides are dates or timestamps
        return new SchemaColumn(mine.Name, type, scale, mine.Nullable || theirs.Nullable) { Format = format };
    }
}
