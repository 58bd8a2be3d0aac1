using Strata.Load.Schema;

namespace Strata.Load;

/// <summary>What parsing one raw blob produced.</summary>
/// <param name="Schema">The file's schema: the fragments' columns, plus columns the file has no value in (<see cref="Schema.SchemaColumn.NoValues"/>, not written to fragments); for a file error, empty.</param>
/// <param name="Fragments">One per partition the file's loaded rows fall in.</param>
/// <param name="RowsRead">Records in the file (header excluded), loaded or quarantined.</param>
/// <param name="RowsLoaded">Rows written to fragments.</param>
/// <param name="RowsQuarantined">Rows written to quarantine with a reason.</param>
/// <param name="FileError">Why the whole file could not be read; then there are no fragments and one file-level quarantine record.</param>
public sealed record ParseOutcome(
    SourceSchema Schema,
    IReadOnlyList<FragmentInfo> Fragments,
    long RowsRead,
    long RowsLoaded,
    long RowsQuarantined,
    string? FileError)
{
    /// <summary>Buffer and cache figures of the parse.</summary>
    public ParseStatistics Statistics { get; init; } = ParseStatistics.None;
}
