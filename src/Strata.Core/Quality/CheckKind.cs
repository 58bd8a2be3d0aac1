namespace Strata.Quality;

/// <summary>The partition-level checks a definition can declare.</summary>
public enum CheckKind
{
    /// <summary>Rows within [min, max].</summary>
    RowCount,

    /// <summary>No two rows share the values of the listed columns.</summary>
    Unique,

    /// <summary>No listed column is null.</summary>
    NotNull,

    /// <summary>Every non-null value of a column is one of a list.</summary>
    AcceptedValues,

    /// <summary>The newest value of a time column is no older than a maximum age when the check runs.</summary>
    Freshness,

    /// <summary>A query that returns the offending rows; none means it passes.</summary>
    Custom,
}
