namespace Strata.Runs;

/// <summary>The outcome of asking for a pipeline's run lease.</summary>
/// <param name="State">The pipeline's state after the attempt: the new run's when acquired, the holder's otherwise.</param>
/// <param name="Acquired">True when this attempt took the lease and allocated the next run number.</param>
/// <param name="LapsedRunId">The run whose lease had lapsed when this one took over (its holder stopped renewing: crashed or cut off), or null.</param>
public sealed record LeaseAttempt(PipelineState State, bool Acquired, string? LapsedRunId);
