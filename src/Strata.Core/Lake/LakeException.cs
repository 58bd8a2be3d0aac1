namespace Strata.Lake;

/// <summary>
/// A dataset cannot be published as a Delta table (a column type Delta has no name for, a widening
/// that does not fit). The message names the dataset, partition and column, and what to change.
/// </summary>
public sealed class LakeException : Exception
{
    public LakeException(string message) : base(message)
    {
    }

    public LakeException(string message, Exception inner) : base(message, inner)
    {
    }

    public LakeException() : base("the lake could not be published")
    {
    }
}
