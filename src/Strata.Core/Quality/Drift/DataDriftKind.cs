namespace Strata.Quality.Drift;

/// <summary>What kind of semantic drift a partition's profile shows against its history.</summary>
public enum DataDriftKind
{
    /// <summary>Its row count is far outside the trailing window (ratio bound and robust z-score).</summary>
    Volume,

    /// <summary>A column's share of nulls jumped above its highest in the window.</summary>
    NullRate,

    /// <summary>A low-cardinality text or boolean column holds a value never seen in the window.</summary>
    NewValue,

    /// <summary>A numeric column's min or max left the window's range.</summary>
    Range,
}

/// <summary>How loudly a drift event speaks; the words of check severities.</summary>
public enum DataDriftSeverity
{
    Warn,

    /// <summary>The partition is almost certainly wrong: rows collapsed (90 % or more) or a column became entirely null.</summary>
    Error,
}
