namespace Strata.Definitions;

/// <summary>How finely a time column is cut into partitions.</summary>
public enum Grain
{
    /// <summary>One partition per UTC hour: <c>2026-11-20T13</c>.</summary>
    Hour,

    /// <summary>One partition per UTC day: <c>2026-11-20</c>.</summary>
    Day,

    /// <summary>One partition per UTC month: <c>2026-11</c>.</summary>
    Month,
}
