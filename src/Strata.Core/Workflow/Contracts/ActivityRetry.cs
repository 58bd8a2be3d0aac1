namespace Strata.Workflow.Contracts;

/// <summary>
/// How a host retries an activity that failed transiently: <paramref name="MaxAttempts"/> in all
/// (the first try included), the first retry after <paramref name="FirstRetryInterval"/>, each
/// next one doubled, capped at <paramref name="MaxRetryInterval"/>.
/// </summary>
/// <remarks>
/// Read from <see cref="WorkflowOptions"/> by StartRun and carried in <see cref="RunStarted"/> and the
/// batch inputs, so it is part of the run's history: Durable schedules retries from the
/// orchestrator, and a replay that computed a different policy from changed settings would diverge.
/// </remarks>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstRetryInterval, TimeSpan MaxRetryInterval)
{
    /// <summary>
    /// The defaults of <see cref="WorkflowOptions"/>. Used for StartRun itself, which is what reads
    /// the settings: a constant cannot change between replays.
    /// </summary>
    public static ActivityRetry Default { get; } = From(new WorkflowOptions());

    /// <summary>The policy the settings describe (validated at startup by <see cref="WorkflowOptionsValidator"/>).</summary>
    public static ActivityRetry From(WorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ActivityRetry(options.MaxAttempts, options.FirstRetryInterval, options.MaxRetryInterval);
    }
}
