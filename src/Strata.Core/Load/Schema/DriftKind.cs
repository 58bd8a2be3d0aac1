namespace Strata.Load.Schema;

/// <summary>What changed between two schema versions of a source.</summary>
public enum DriftKind
{
    /// <summary>A column the current schema did not have; older rows read it as null.</summary>
    ColumnAdded,

    /// <summary>A column's type widened (int64 → decimal → double → string, date → timestamp → string, or a larger decimal scale).</summary>
    TypeWidened,

    /// <summary>A date or timestamp column's values came in another text format (the producer switched formats).</summary>
    FormatChanged,

    /// <summary>A column that had no value in any file so far got its first values, and with them a type.</summary>
    ColumnTyped,
}
