namespace Strata.Storage;

/// <summary>The lake's blob containers, one per layer plus landing, quarantine and lineage (OpenLineage event files; no team is granted it).</summary>
public static class LakeContainers
{
    public const string Landing = "landing";
    public const string Raw = "raw";
    public const string Load = "load";
    public const string Quarantine = "quarantine";
    public const string Integrate = "integrate";
    public const string Products = "products";
    public const string Lineage = "lineage";

    public static IReadOnlyList<string> All { get; } = [Landing, Raw, Load, Quarantine, Integrate, Products, Lineage];

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
