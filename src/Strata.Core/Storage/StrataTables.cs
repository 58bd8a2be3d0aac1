namespace Strata.Storage;

/// <summary>
/// The Table Storage tables Strata keeps its state in. Names are alphanumeric (a Table Storage
/// rule); infra/ provisions the same list.
/// </summary>
public static class StrataTables
{
    /// <summary>Per partition: fingerprint, output hash, commit log, failure markers; a summary row per dataset.</summary>
    public const string Partitions = "StrataPartitions";

    /// <summary>Landing receipts per source, with a sequence counter and a sequence index.</summary>
    public const string Receipts = "StrataReceipts";

    /// <summary>Runs per pipeline, newest first.</summary>
    public const string Runs = "StrataRuns";

    /// <summary>Schema versions and drift events per source.</summary>
    public const string Schemas = "StrataSchemas";

    /// <summary>Downstream lineage edges: input partition to the partitions it feeds.</summary>
    public const string Lineage = "StrataLineage";

    /// <summary>Parsed fragments per source and load spec: raw blob to partitions.</summary>
    public const string Fragments = "StrataFragments";

    /// <summary>Per pipeline state: run counter, active run, dirty flag.</summary>
    public const string Pipelines = "StrataPipelines";

    /// <summary>What readers see: each Delta table's published state, files not published yet, superseded files kept for time travel.</summary>
    public const string Lake = "StrataLake";

    public static IReadOnlyList<string> All { get; } = [Partitions, Receipts, Runs, Schemas, Lineage, Fragments, Pipelines, Lake];
}
