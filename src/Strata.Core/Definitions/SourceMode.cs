namespace Strata.Definitions;

/// <summary>
/// How a source's producer sends data, so load knows which of its files count (<c>mode:</c> in
/// <c>pipeline.yaml</c>). Part of the load spec: changing it re-parses the source.
/// </summary>
public enum SourceMode
{
    /// <summary>Default: every file adds rows.</summary>
    Append,

    /// <summary>
    /// A file landed under the same landing name as an earlier one replaces that file's rows
    /// (a corrected re-send); only the partitions either version touches rebuild.
    /// </summary>
    Replace,

    /// <summary>
    /// Each file is the whole source: partitions hold the latest file's rows, and a partition the
    /// latest file has no rows for is committed empty (0 rows).
    /// </summary>
    Snapshot,

    /// <summary>
    /// Rows carry a key and a sequence: a partition holds the latest row per key (see
    /// <see cref="UpsertRule"/>), and a delete marker removes a key.
    /// </summary>
    Upsert,
}
