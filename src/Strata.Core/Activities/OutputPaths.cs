using Strata.Definitions;

namespace Strata.Activities;

/// <summary>
/// Names of committed outputs: <c>&lt;dataset&gt;/&lt;key&gt;=&lt;value&gt;/part-&lt;fingerprint&gt;-r&lt;run&gt;.parquet</c>
/// (no key folder for an unpartitioned dataset). Every build writes a new name, so a reader of
/// the previous commit is never disturbed; the fingerprint row decides which name is live.
/// </summary>
public static class OutputPaths
{
    public static string For(string dataset, PartitionKeySpec key, string partition, string fingerprint, long run, string extension = "parquet")
    {
        ArgumentNullException.ThrowIfNull(key);
        var folder = key.IsUnpartitioned ? dataset : $"{dataset}/{key.Key}={partition}";
        return $"{folder}/part-{fingerprint[..16]}-r{run}.{extension}";
    }
}
