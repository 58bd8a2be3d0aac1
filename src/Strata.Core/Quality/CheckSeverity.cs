namespace Strata.Quality;

/// <summary>How much a failing check matters.</summary>
public enum CheckSeverity
{
    /// <summary>Reported and stored; downstream builds as usual.</summary>
    Warn,

    /// <summary>The partition stays committed but is held: downstream partitions that read it wait until it passes or is accepted.</summary>
    Error,
}
