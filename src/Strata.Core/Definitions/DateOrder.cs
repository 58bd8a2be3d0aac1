namespace Strata.Definitions;

/// <summary>
/// Which of day and month comes first in numeric dates such as <c>01/02/2000</c>, when a file's
/// values do not settle it (a value above 12 in one position settles it for the whole column).
/// </summary>
public enum DateOrder
{
    /// <summary>Default: day first (<c>01/02/2000</c> is 1 February), as DuckDB's CSV sniffer reads it.</summary>
    DayFirst,

    /// <summary>Month first (<c>01/02/2000</c> is 2 January), as US producers write it.</summary>
    MonthFirst,
}
