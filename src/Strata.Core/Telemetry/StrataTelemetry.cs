using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Strata.Telemetry;

/// <summary>
/// Strata's OpenTelemetry instruments, written once: the <see cref="Meter"/> and the
/// <see cref="ActivitySource"/> are both named <see cref="Name"/> (<c>Strata</c>), which is what a
/// host exports (the Functions app does; see its TelemetryRegistration). Attributes use the
/// pipeline vocabulary: <c>strata.pipeline</c>, <c>strata.dataset</c>, <c>strata.layer</c>,
/// <c>strata.partition</c>, <c>strata.run_id</c>, <c>strata.outcome</c>, <c>strata.status</c>.
/// Instruments are recorded in activities, never in the workflow, so a Durable replay does not
/// count twice (a retried activity may).
/// </summary>
public static class StrataTelemetry
{
    public const string Name = "Strata";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Runs ended, by <c>strata.pipeline</c> and <c>strata.status</c> (Completed, CompletedWithWarnings, CompletedWithFailures, Failed).</summary>
    public static readonly Counter<long> Runs = Meter.CreateCounter<long>("strata.runs", "{run}", "Pipeline runs ended, by status");

    public static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("strata.run.duration", "s", "Run duration, start of the lease to the end");

    /// <summary>
    /// Partitions per run and dataset by <c>strata.outcome</c>: built, unchanged, up_to_date, failed,
    /// and held (the dataset's partitions held by a failing error check when its step ended, so a
    /// partition held across three runs counts in each: it is what each run left waiting).
    /// </summary>
    public static readonly Counter<long> Partitions = Meter.CreateCounter<long>("strata.partitions", "{partition}", "Partitions per run and dataset, by outcome");

    /// <summary>Rows per run and dataset by <c>strata.kind</c>: in, written, quarantined.</summary>
    public static readonly Counter<long> Rows = Meter.CreateCounter<long>("strata.rows", "{row}", "Rows per run and dataset: in, written, quarantined");

    public static readonly Counter<long> FilesQuarantined = Meter.CreateCounter<long>("strata.files.quarantined", "{file}", "Raw files quarantined as a whole");

    /// <summary>The share of a source's rows a run quarantined (recorded for every source that read rows).</summary>
    public static readonly Histogram<double> QuarantineRatio = Meter.CreateHistogram<double>("strata.quarantine.ratio", "1", "Share of a source's rows quarantined in a run");

    /// <summary>Semantic drift events by <c>strata.drift.kind</c> and <c>strata.drift.severity</c>.</summary>
    public static readonly Counter<long> DriftEvents = Meter.CreateCounter<long>("strata.drift.events", "{event}", "Semantic drift events found");

    /// <summary>
    /// Rows that did not meet an expectation, by <c>strata.dataset</c>, <c>strata.expectation</c> and
    /// <c>strata.action</c> (warn, quarantine, fail): added once per partition build.
    /// </summary>
    public static readonly Counter<long> ExpectationFailures = Meter.CreateCounter<long>("strata.expectation.failures", "{row}", "Rows that did not meet an expectation");

    /// <summary>
    /// Check results that failed, one per partition and check, by <c>strata.pipeline</c>,
    /// <c>strata.dataset</c>, <c>strata.check</c>, <c>strata.check.kind</c> and <c>strata.severity</c>
    /// (warn, error: an error failure holds its partition).
    /// </summary>
    public static readonly Counter<long> CheckFailures = Meter.CreateCounter<long>("strata.check.failures", "{check}", "Checks that failed on a partition");

    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("strata.step.duration", "s", "A source's or dataset's step in a run: plan, build, complete");

    public static readonly Histogram<double> PartitionBuildDuration = Meter.CreateHistogram<double>("strata.partition.build.duration", "s", "One partition build");
}
