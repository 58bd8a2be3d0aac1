namespace Strata.Lake.Publishing;

/// <summary>
/// A file a build is writing (or wrote) that the Delta log does not list yet: recorded before the
/// upload, so publishing learns of every file switch (a rebuild with unchanged rows writes a new
/// file but no commit-log line), <c>gc</c> knows a build is running, and a build that crashed or
/// lost its race leaves a trace the next publish cleans up. Deleted once published.
/// </summary>
public sealed record PendingOutput
{
    public required string Dataset { get; init; }

    public required string Partition { get; init; }

    /// <summary>The container: load, integrate or products.</summary>
    public required string Container { get; init; }

    /// <summary>The Parquet file's blob name.</summary>
    public required string Path { get; init; }

    /// <summary>Its CSV / JSON lines copies (products).</summary>
    public IReadOnlyList<string> Extras { get; init; } = [];

    public required long Size { get; init; }

    public required long Rows { get; init; }

    /// <summary>The file's columns, typed exactly.</summary>
    public required Delta.DeltaSchema Columns { get; init; }

    /// <summary>The file the partition pointed at when the build started (the one this replaces), if any.</summary>
    public string? PreviousPath { get; init; }

    public IReadOnlyList<string> PreviousExtras { get; init; } = [];

    /// <summary>The run number of the build.</summary>
    public required long Run { get; init; }

    public required DateTimeOffset WrittenAt { get; init; }

    /// <summary>The blob's file name (the row key's last part; unique per build).</summary>
    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];
}
