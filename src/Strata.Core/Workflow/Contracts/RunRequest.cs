namespace Strata.Workflow.Contracts;

/// <summary>
/// What to run: a pipeline, optionally forced, optionally limited to some datasets and a
/// partition range. A limited run does not advance what the datasets have consumed, so the
/// next full run still sees every change.
/// </summary>
/// <remarks>
/// <c>WaitForLease</c> says what a start does when another run holds the pipeline's lease: false
/// (HTTP, landing, schedule) marks the pipeline dirty so that run continues as new with this start's
/// data; true (<c>strata run</c>) leaves the flag alone because the starter waits for the lease and
/// runs the request itself (a forced or limited request cannot ride on the holder's continue-as-new).
/// </remarks>
public sealed record RunRequest(
    string Pipeline,
    bool Force = false,
    IReadOnlyList<string>? Datasets = null,
    string? From = null,
    string? To = null,
    string Trigger = "cli",
    bool WaitForLease = false)
{
    /// <summary>True when the request covers every dataset and partition.</summary>
    public bool IsComplete => (Datasets is null || Datasets.Count == 0) && From is null && To is null;

    public bool Includes(string dataset) => Datasets is null || Datasets.Count == 0 || Datasets.Contains(dataset);

    public bool InRange(string partition) =>
        (From is null || string.CompareOrdinal(partition, From) >= 0) && (To is null || string.CompareOrdinal(partition, To) <= 0);
}
