namespace Strata.Workflow.Contracts;

/// <summary>Input of SweepLanding.</summary>
public sealed record SweepInput(string RunId, string Pipeline);

/// <summary>Input of PlanParse.</summary>
public sealed record PlanParseInput(string RunId, string Source, bool Force);

/// <summary>A raw blob by id, as activities pass it.</summary>
public sealed record RawBlobRef(string Sha256, string RawPath, long Sequence, DateOnly IngestDate);

/// <summary>
/// What load must parse: the blobs landed since the source last completed (and, when the load
/// spec changed, every blob) that have no fragments under the current spec yet.
/// </summary>
/// <param name="Source">The source.</param>
/// <param name="SpecHash">The current load spec's hash.</param>
/// <param name="SpecKey">The current load spec's key.</param>
/// <param name="LandingSeen">The landing sequence this plan covers; stored on completion.</param>
/// <param name="ToParse">Blobs with no fragments under the current spec.</param>
/// <param name="NewBlobs">Every blob after the source's consumed position (parsed or not): their partitions are candidates.</param>
/// <param name="SpecChanged">The load spec differs from the one the source last completed with.</param>
public sealed record ParsePlan(string Source, string SpecHash, string SpecKey, long LandingSeen, IReadOnlyList<RawBlobRef> ToParse, IReadOnlyList<RawBlobRef> NewBlobs, bool SpecChanged);

/// <summary>Input of ParseRawBlob.</summary>
public sealed record ParseInput(string RunId, string Source, string SpecKey, RawBlobRef Blob);

/// <summary>Input of the ParseBatch sub-workflow: one slice of a large parse fan-out, with the run's retry policy.</summary>
public sealed record ParseBatchInput(string RunId, string Source, string SpecKey, IReadOnlyList<RawBlobRef> Blobs, ActivityRetry Retry);

/// <summary>What parsing one raw blob produced (counts only; the fragments are in storage).</summary>
public sealed record ParseSummary(string Sha256, long RowsRead, long RowsLoaded, long RowsQuarantined, int Partitions, string? FileError, bool Reused);

/// <summary>Input of PlanLoad.</summary>
public sealed record PlanLoadInput(string RunId, long RunNumber, RunRequest Request, ParsePlan Parse);
