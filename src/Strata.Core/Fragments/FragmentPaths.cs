using Strata.Storage;

namespace Strata.Fragments;

/// <summary>
/// Where fragments and quarantine files live. Fragments sit in Strata's own container
/// (<see cref="LakeContainers.Internal"/>) under <c>fragments/&lt;source&gt;/spec=&lt;spec&gt;/&lt;sha&gt;/</c>,
/// outside every folder a reader is given, keyed by load spec and raw blob, so a re-parse after a
/// crash overwrites the same names and a changed spec never mixes with the old one. Lakes written
/// before fragments moved keep theirs under <c>load/&lt;source&gt;/_fragments/</c>: their rows still
/// point there, so those are read where they are (and <c>gc</c> removes them once unreferenced).
/// </summary>
public static class FragmentPaths
{
    private const string LegacyFolder = "/_fragments/";

    /// <summary>The container fragments are written to.</summary>
    public const string Container = LakeContainers.Internal;

    /// <summary>The folder of <see cref="Container"/> that holds fragments (the rest of it, such as wide schemas, is not <c>gc</c>'s).</summary>
    public const string Folder = "fragments/";

    public static string Fragment(string source, string specKey, string sha, string partitionKey, string partition) =>
        $"{Folder}{source}/spec={specKey}/{sha}/{partitionKey}={partition}.parquet";

    /// <summary>The container a recorded fragment path is in: the load container for paths written before fragments moved.</summary>
    public static string ContainerOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Contains(LegacyFolder, StringComparison.Ordinal) ? LakeContainers.Load : Container;
    }

    public static string Quarantine(string source, string specKey, DateOnly ingestDate, string sha) =>
        $"{source}/spec={specKey}/ingest_date={ingestDate:yyyy-MM-dd}/{sha}.jsonl";

    public static string QuarantinePrefix(string source, string specKey) => $"{source}/spec={specKey}/";
}
