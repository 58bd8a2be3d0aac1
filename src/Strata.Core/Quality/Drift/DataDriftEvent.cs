using System.Globalization;

namespace Strata.Quality.Drift;

/// <summary>
/// One semantic drift finding: which partition, which kind, which column (none for volume),
/// what the history led to expect, what the partition holds, and how severe.
/// </summary>
public sealed record DataDriftEvent(string Dataset, string Partition, DataDriftKind Kind, string? Column, string Expected, string Seen, DataDriftSeverity Severity)
{
    /// <summary>The run that found it.</summary>
    public string RunId { get; init; } = "";

    public DateTimeOffset FoundAt { get; init; }

    /// <summary>The line the run summary, <c>status</c> and the logs print.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Partition} {Word(Kind)}{(Column is null ? "" : $" {Column}")}: expected {Expected}, seen {Seen} ({Severity.ToString().ToLowerInvariant()})");

    /// <summary>The kind as written in lines and metrics: <c>volume</c>, <c>null_rate</c>, <c>new_value</c>, <c>range</c>.</summary>
    public static string Word(DataDriftKind kind) => kind switch
    {
        DataDriftKind.NullRate => "null_rate",
        DataDriftKind.NewValue => "new_value",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
