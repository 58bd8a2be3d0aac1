using Strata.Definitions;

namespace Strata.Lake.Delta;

/// <summary>
/// Partition columns as a Delta table has them, written once. A dataset's partition key is a
/// column of the table: <c>date</c> for a day key (<c>2026-11-20</c> is the protocol's date
/// serialisation, and what DuckDB's hive reader infers from the folder name), <c>string</c> for
/// hour (<c>2026-11-20T13</c>) and month (<c>2026-11</c>) keys. An unpartitioned dataset (one
/// partition, <c>all</c>) has no partition column. File paths in the log are relative to the
/// table folder and URI-encoded segment by segment (<c>=</c> kept, as every Delta writer does).
/// </summary>
public static class PartitionValues
{
    /// <summary>The partition column and its type, or null for an unpartitioned dataset.</summary>
    public static (string Name, DeltaType Type)? ColumnOf(PartitionKeySpec key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.IsUnpartitioned)
        {
            return null;
        }

        return (key.Key, key.Grain == Grain.Day ? DeltaType.Date : DeltaType.String);
    }

    /// <summary>The <c>partitionValues</c> map of a file of partition <paramref name="partition"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Of(PartitionKeySpec key, string partition)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.IsUnpartitioned
            ? new Dictionary<string, string?>()
            : new Dictionary<string, string?> { [key.Key] = partition };
    }

    /// <summary>The log's path of blob <paramref name="blob"/> of the table rooted at <paramref name="tableRoot"/>.</summary>
    public static string FilePath(string tableRoot, string blob)
    {
        ArgumentNullException.ThrowIfNull(tableRoot);
        ArgumentNullException.ThrowIfNull(blob);
        var relative = blob.StartsWith(tableRoot + "/", StringComparison.Ordinal) ? blob[(tableRoot.Length + 1)..] : blob;
        // '=' is legal in a URI path segment and every Delta writer leaves it as is (key=value folders).
        return string.Join('/', relative.Split('/').Select(s => Uri.EscapeDataString(s).Replace("%3D", "=", StringComparison.Ordinal)));
    }

    /// <summary>The blob name of a log path (the inverse of <see cref="FilePath"/>).</summary>
    public static string BlobOf(string tableRoot, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return $"{tableRoot}/{Uri.UnescapeDataString(path)}";
    }
}
