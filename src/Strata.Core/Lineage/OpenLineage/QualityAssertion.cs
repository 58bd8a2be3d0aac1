namespace Strata.Lineage.OpenLineage;

/// <summary>
/// One quality check's result on what a step wrote, as OpenLineage's data quality assertions facet
/// carries it (<c>assertion</c>, <c>success</c>, <c>column</c>, <c>severity</c>, <c>failures</c>).
/// </summary>
/// <param name="Assertion">The check, e.g. <c>not_null</c> or the check's name.</param>
/// <param name="Success">Whether every partition passed it.</param>
/// <param name="Column">The column it tests; none for a check of the whole dataset.</param>
/// <param name="Severity"><c>error</c> (holds the partition) or <c>warn</c>.</param>
/// <param name="Failures">Rows that failed it, when the check counts them.</param>
public sealed record QualityAssertion(string Assertion, bool Success, string? Column = null, string? Severity = null, long? Failures = null);
