namespace Strata.Definitions;

/// <summary>
/// When a partition's profile counts as semantic drift against the trailing profiles of the same
/// source or dataset (see <c>Quality/Drift</c>). Set per source under <c>drift:</c> in
/// <c>pipeline.yaml</c>; datasets use the defaults. Not part of the load spec: changing a
/// threshold changes what is reported, never what is loaded, so nothing is parsed again.
/// </summary>
public sealed record DriftThresholds
{
    /// <summary>The defaults every source and dataset starts from.</summary>
    public static DriftThresholds Default { get; } = new();

    /// <summary>Whether profiles are compared at all (<c>drift.detect</c>). Default true.</summary>
    public bool Detect { get; init; } = true;

    /// <summary>How many preceding partitions (by key) form the history (<c>drift.window</c>). Default 14: two weeks of daily partitions.</summary>
    public int Window { get; init; } = 14;

    /// <summary>
    /// The fewest preceding partitions needed before anything is reported (<c>drift.min_history</c>).
    /// Default 5: with less, a median is noise and a young source would report every day.
    /// </summary>
    public int MinHistory { get; init; } = 5;

    /// <summary>
    /// Volume drift when rows fall below median ÷ this or rise above median × this
    /// (<c>drift.volume_ratio</c>). Default 3: a 90 % drop (ratio 10) fires, a busy Monday does not.
    /// </summary>
    public double VolumeRatio { get; init; } = 3;

    /// <summary>
    /// Volume drift also needs a robust z-score (distance from the median in scaled median absolute
    /// deviations) above this (<c>drift.volume_z</c>), unless the history never varied. Default 3.5
    /// (the usual outlier cut for the modified z-score): a naturally noisy source is not flagged on its noise.
    /// </summary>
    public double VolumeZ { get; init; } = 3.5;

    /// <summary>Null-rate drift when a column's null share rises more than this above its highest in the window (<c>drift.null_rate_jump</c>). Default 0.2 (20 points).</summary>
    public double NullRateJump { get; init; } = 0.2;

    /// <summary>
    /// Range drift when a numeric column's min or max leaves the window's range by more than this
    /// share of that range (<c>drift.range_tolerance</c>). Default 0.1. Date and time columns are
    /// never range-checked: a daily partition's dates leave yesterday's range by design.
    /// </summary>
    public double RangeTolerance { get; init; } = 0.1;
}
