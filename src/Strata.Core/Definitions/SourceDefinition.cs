namespace Strata.Definitions;

/// <summary>
/// A source: the files one producer drops under a landing prefix, and how load turns them into
/// partitioned Parquet. Everything here except <see cref="LandingPrefix"/> is part of the load
/// spec, so changing it makes the source's raw blobs parse again (that is how a fix replays
/// quarantined rows).
/// </summary>
public sealed record SourceDefinition
{
    /// <summary>Source name; unique across all pipelines (it names <c>raw/&lt;source&gt;</c> and <c>load/&lt;source&gt;</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The pipeline that declares it.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The prefix under the landing container this source owns, ending in <c>/</c> (<c>entries/</c>).</summary>
    public required string LandingPrefix { get; init; }

    /// <summary>File format; <see cref="SourceFormat.Auto"/> (default) chooses per blob by extension.</summary>
    public SourceFormat Format { get; init; } = SourceFormat.Auto;

    /// <summary>Field delimiter for CSV; default <c>,</c> (TSV always uses tab).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>How rows are cut into partitions.</summary>
    public required PartitionKeySpec Partition { get; init; }

    /// <summary>Schema hints, in declaration order.</summary>
    public IReadOnlyList<ColumnHint> Schema { get; init; } = [];

    /// <summary>PII rules, one per column.</summary>
    public IReadOnlyList<PiiRule> Pii { get; init; } = [];

    /// <summary>Drift policy; default <see cref="DriftPolicy.Evolve"/>.</summary>
    public DriftPolicy Drift { get; init; } = DriftPolicy.Evolve;

    /// <summary>When a partition's profile is semantic drift (<c>drift:</c> as a mapping); defaults in <see cref="DriftThresholds"/>.</summary>
    public DriftThresholds DriftThresholds { get; init; } = DriftThresholds.Default;

    /// <summary>
    /// The share of a run's rows of this source that may be quarantined before the run ends
    /// <c>CompletedWithWarnings</c> (<c>max_quarantine_ratio</c>). Default 0.05: a few bad rows are
    /// normal, one in twenty is a producer problem. Any file quarantined as a whole always warns.
    /// </summary>
    public double MaxQuarantineRatio { get; init; } = 0.05;

    /// <summary>Day-first or month-first, for numeric dates whose file leaves it open; default <see cref="DateOrder.DayFirst"/>.</summary>
    public DateOrder DateOrder { get; init; } = DateOrder.DayFirst;

    /// <summary>How the producer sends data; default <see cref="SourceMode.Append"/>.</summary>
    public SourceMode Mode { get; init; } = SourceMode.Append;

    /// <summary>Key, sequence and delete marker; set exactly when <see cref="Mode"/> is <see cref="SourceMode.Upsert"/>.</summary>
    public UpsertRule? Upsert { get; init; }

    /// <summary>Row-level expectations and partition-level checks (see <see cref="Quality.QualityRules"/>); none by default.</summary>
    public Strata.Quality.QualityRules Quality { get; init; } = Strata.Quality.QualityRules.Empty;

    /// <summary>Where it was declared.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>The hint for a column, or null.</summary>
    public ColumnHint? HintFor(string column) => Schema.FirstOrDefault(h => h.Name == column);

    /// <summary>The PII rule for a column, or null.</summary>
    public PiiRule? PiiFor(string column) => Pii.FirstOrDefault(r => r.Column == column);
}
