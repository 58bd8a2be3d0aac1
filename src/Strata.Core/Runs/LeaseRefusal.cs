namespace Strata.Runs;

/// <summary>
/// Why a start did not run: another run held the pipeline's lease (in this host or another).
/// </summary>
/// <param name="RunId">The run that holds the pipeline.</param>
/// <param name="Holder">Where it runs (machine/process), when known.</param>
/// <param name="ExpiresAt">When its lease lapses unless renewed.</param>
/// <param name="MarkedDirty">True when the start marked the pipeline dirty, so the holder continues as new with its data; false when the starter waits for the lease itself.</param>
public sealed record LeaseRefusal(string RunId, string? Holder, DateTimeOffset? ExpiresAt, bool MarkedDirty)
{
    public override string ToString() =>
        $"run {RunId} holds the pipeline{(Holder is null ? "" : $" (on {Holder})")}{(ExpiresAt is { } at ? $", lease until {at:yyyy-MM-dd HH:mm:ss}Z" : "")}";
}
