namespace Strata.Workflow.Contracts;

/// <summary>
/// Input of AssessQuality, called once per source or dataset step after its partitions are built:
/// the partitions committed with new rows (whose profiles are compared with their history) and,
/// for a source, what its parse did this run (for the quarantine signal). <paramref name="StepStartedAt"/>
/// is when the step began (workflow time), for the step's span.
/// </summary>
public sealed record AssessQualityInput(
    string RunId,
    string Dataset,
    string Layer,
    IReadOnlyList<string> Built,
    QuarantineCounts? Parsed,
    DateTimeOffset StepStartedAt);

/// <summary>What one source's parse did this run: rows read, rows quarantined, files quarantined whole.</summary>
public sealed record QuarantineCounts(long RowsRead, long RowsQuarantined, int FilesQuarantined);

/// <summary>What AssessQuality found: semantic drift events (as lines) and warnings that make the run <c>CompletedWithWarnings</c>.</summary>
public sealed record QualityReport(IReadOnlyList<string> DataDrift, IReadOnlyList<string> Warnings)
{
    public static QualityReport None { get; } = new([], []);
}
