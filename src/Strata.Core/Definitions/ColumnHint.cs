namespace Strata.Definitions;

/// <summary>A schema hint for one column: its type (skips inference) and whether a value is required.</summary>
/// <param name="Name">Column name as it appears in the file (case-sensitive).</param>
/// <param name="Type">The declared type; null lets load infer it.</param>
/// <param name="Required">When true, a row whose value is missing or does not parse as <paramref name="Type"/> is quarantined.</param>
public sealed record ColumnHint(string Name, ColumnType? Type, bool Required);
