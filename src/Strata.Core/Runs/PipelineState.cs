namespace Strata.Runs;

/// <summary>
/// Per pipeline: the run counter, the run in progress, and the dirty flag a landing sets while a
/// run is in progress (the run then continues as new instead of a second run overlapping it).
/// </summary>
public sealed record PipelineState(string Pipeline, long RunCounter, string? ActiveRunId, bool Dirty, string? ETag);
