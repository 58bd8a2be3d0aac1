namespace Strata.Views;

/// <summary>
/// The state a source or dataset is shown in, worst first when several apply: a run is building
/// it, a partition failed, a check holds a partition, something is stale, or all is up to date.
/// </summary>
public enum NodeState
{
    UpToDate,
    Stale,
    Running,
    Failed,

    /// <summary>
    /// A partition is held by an error-severity check (downstream does not build from it);
    /// <see cref="GraphNode.Held"/> counts them.
    /// </summary>
    Held,
}
