using Strata.Schemas;

namespace Strata.Views;

/// <summary>Every schema version of each source of a pipeline, oldest first, with the drift events that made each one.</summary>
public sealed record SchemaHistory(string Pipeline, IReadOnlyList<SourceSchemas> Sources)
{
    /// <summary>Semantic drift events of the pipeline's sources and datasets, newest run first per dataset (at most <see cref="HistoryViews.DriftPerDataset"/> each).</summary>
    public IReadOnlyList<Quality.Drift.DataDriftEvent> DataDrift { get; init; } = [];
}

/// <summary>One source's schema versions; <paramref name="Current"/> is 0 before its first file.</summary>
public sealed record SourceSchemas(string Source, int Current, IReadOnlyList<SchemaVersion> Versions);

/// <summary>A raw blob as landed (its receipt; null when no such blob was landed) and every partition it reaches.</summary>
public sealed record RawBlobView(string Source, string Sha256, Land.LandingReceipt? Receipt, Lineage.LineageNode Downstream);

/// <summary>A pipeline's runs, newest first, and the run holding it now (if any).</summary>
public sealed record RunHistory(string Pipeline, string? ActiveRunId, IReadOnlyList<Runs.RunRecord> Runs);
