namespace Strata.Storage;

/// <summary>The lake's blob containers: one per layer plus landing, quarantine, lineage (OpenLineage event files) and Strata's own files; no team is granted the last two.</summary>
public static class LakeContainers
{
    public const string Landing = "landing";
    public const string Raw = "raw";
    public const string Load = "load";
    public const string Quarantine = "quarantine";
    public const string Integrate = "integrate";
    public const string Products = "products";
    public const string Lineage = "lineage";

    /// <summary>
    /// Strata's own files, which no reader is given: parse fragments. Its own container (not a
    /// <c>_strata/</c> folder inside a layer) because readers glob whole containers
    /// (<c>load/**/*.parquet</c>) and Spark-style underscore skipping is not universal (DuckDB reads
    /// <c>_</c> folders); and because then infra grants it to the app alone, never to a team.
    /// </summary>
    public const string Internal = "strata";

    public static IReadOnlyList<string> All { get; } = [Landing, Raw, Load, Quarantine, Integrate, Products, Lineage, Internal];

    /// <summary>The containers holding Delta tables: one table per source or dataset folder.</summary>
    public static IReadOnlyList<string> Tables { get; } = [Load, Integrate, Products];

    /// <summary>The container that holds a source's or dataset's committed partitions: load, integrate or products.</summary>
    public static string ForOutput(Definitions.PipelineCatalog catalog, string name)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var pipeline = catalog.PipelineOf(name);
        return pipeline?.FindSource(name) is not null
            ? Load
            : pipeline?.FindDataset(name)?.Layer == Definitions.Layer.Action ? Products : Integrate;
    }
}
