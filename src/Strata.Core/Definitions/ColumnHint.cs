namespace Strata.Definitions;

/// <summary>A schema hint for one column: its type (skips inference) and whether a value is required.</summary>
/// <param name="Name">Column name as it appears in the file (case-sensitive).</param>
/// <param name="Type">The declared type; null lets load infer it.</param>
/// <param name="Required">When true, a row whose value is missing or does not parse as <paramref name="Type"/> is quarantined.</param>
public sealed record ColumnHint(string Name, ColumnType? Type, bool Required)
{
    /// <summary>
    /// The declared text format of a date or timestamp column (<c>%d/%m/%Y</c>, <c>epoch_ms</c>; see
    /// <c>Load.Temporal.TemporalFormat</c>), or null to read ISO 8601 or sniff the format from the file.
    /// A declared format wins: values it does not read are quarantined.
    /// </summary>
    public string? Format { get; init; }
}
