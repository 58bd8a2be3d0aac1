namespace Strata.Lineage.OpenLineage;

/// <summary>What a finished step wrote and how it ended, for its COMPLETE or FAIL event.</summary>
/// <param name="Rows">Rows of the partitions it committed (built, or rebuilt with identical rows).</param>
/// <param name="Bytes">Bytes of the files it committed (Parquet and any product copies).</param>
/// <param name="Files">Files it committed.</param>
/// <param name="Schema">The output's columns, read from a partition it committed; empty when it committed none.</param>
/// <param name="Error">Why partitions failed (FAIL); none for COMPLETE.</param>
/// <param name="Language">The language the failing code is in: <c>SQL</c> for a dataset, <c>C#</c> for a load step.</param>
/// <param name="Assertions">Quality check results on what it wrote; empty until checks exist.</param>
public sealed record StepResult(
    long Rows,
    long Bytes,
    long Files,
    IReadOnlyList<SchemaField> Schema,
    string? Error,
    string Language,
    IReadOnlyList<QualityAssertion> Assertions);

/// <summary>One column of a dataset, its type in Strata's words (<c>int64</c>, <c>decimal(18,2)</c>, <c>timestamp</c>, <c>string</c>...).</summary>
public sealed record SchemaField(string Name, string Type);
