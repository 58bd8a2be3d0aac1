namespace Strata.Fragments;

/// <summary>
/// Where fragments and quarantine files live. Fragments sit under <c>load/&lt;source&gt;/_fragments/</c>
/// keyed by load spec and raw blob, so a re-parse after a crash overwrites the same names and a
/// changed spec never mixes with the old one.
/// </summary>
public static class FragmentPaths
{
    public static string Fragment(string source, string specKey, string sha, string partitionKey, string partition) =>
        $"{source}/_fragments/spec={specKey}/{sha}/{partitionKey}={partition}.parquet";

    public static string Quarantine(string source, string specKey, DateOnly ingestDate, string sha) =>
        $"{source}/spec={specKey}/ingest_date={ingestDate:yyyy-MM-dd}/{sha}.jsonl";

    public static string QuarantinePrefix(string source, string specKey) => $"{source}/spec={specKey}/";
}
