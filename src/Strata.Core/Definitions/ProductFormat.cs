namespace Strata.Definitions;

/// <summary>Formats an action publishes. Parquet is always written; CSV and JSON lines are extra copies of the same rows.</summary>
public enum ProductFormat
{
    Parquet,
    Csv,
    JsonLines,
}
