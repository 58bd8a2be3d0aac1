using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Planning;
using Strata.Quality.Drift;
using Strata.Quality.Profiles;
using Strata.Quality.Quarantine;
using Strata.Storage;
using Strata.Telemetry;
using Strata.Workflow.Contracts;

namespace Strata.Quality;

/// <summary>
/// A step's quality after its partitions are built: each new profile against the partitions
/// before it (semantic drift, stored and returned as lines), and for a source, its quarantine
/// against <see cref="SourceDefinition.MaxQuarantineRatio"/> (warnings) added to its tally.
/// Held partitions and check failures are counted where they are known: the check activity and the run's end (Telemetry).
/// </summary>
public sealed partial class QualityAssessor(
    PipelineCatalog catalog,
    ProfileStore profiles,
    DataDriftStore drift,
    QuarantineTally tally,
    LoadSpecs specs,
    TimeProvider time,
    ILogger<QualityAssessor> log)
{
    public async Task<QualityReport> AssessAsync(AssessQualityInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pipeline = catalog.PipelineOf(input.Dataset);
        var source = pipeline?.FindSource(input.Dataset);
        using var span = StrataTelemetry.Source.StartActivity("strata.step", ActivityKind.Internal, parentContext: default, startTime: input.StepStartedAt);
        span?.SetTag("strata.pipeline", pipeline?.Name);
        span?.SetTag("strata.dataset", input.Dataset);
        span?.SetTag("strata.layer", input.Layer);
        span?.SetTag("strata.run_id", input.RunId);

        var events = await DriftAsync(input, pipeline?.Name, source?.DriftThresholds ?? DriftThresholds.Default, ct);
        var warnings = new List<string>();
        if (source is not null && input.Parsed is { } parsed)
        {
            warnings.AddRange(QuarantineSignal.Warnings(source, parsed));
            await tally.AddAsync(source.Name, LoadSpec.Key(specs.HashOf(source)), input.RunId, parsed.RowsQuarantined, parsed.FilesQuarantined, ct);
        }

        foreach (var warning in warnings)
        {
            LogWarning(input.RunId, input.Dataset, warning);
        }

        span?.SetTag("strata.drift.events", events.Count);
        span?.SetTag("strata.warnings", warnings.Count);
        StrataTelemetry.StepDuration.Record((time.GetUtcNow() - input.StepStartedAt).TotalSeconds, new("strata.dataset", input.Dataset), new("strata.layer", input.Layer));
        return new QualityReport(BoundedText.List([.. events.Select(e => e.ToString())]), warnings);
    }

    private async Task<IReadOnlyList<DataDriftEvent>> DriftAsync(AssessQualityInput input, string? pipeline, DriftThresholds thresholds, CancellationToken ct)
    {
        if (!thresholds.Detect || input.Built.Count == 0)
        {
            return [];
        }

        var all = await profiles.AllAsync(input.Dataset, ct);
        var index = all.Select((p, i) => (p.Partition, i)).ToDictionary(x => x.Partition, x => x.i, StringComparer.Ordinal);
        var events = new List<DataDriftEvent>();
        foreach (var partition in input.Built.Order(StringComparer.Ordinal))
        {
            if (!index.TryGetValue(partition, out var at))
            {
                continue; // its profile could not be made; logged by the build
            }

            var from = Math.Max(0, at - thresholds.Window);
            var found = DriftDetector.Detect(all[at] with { RunId = input.RunId }, all.Skip(from).Take(at - from).ToList(), thresholds);
            events.AddRange(found.Select(e => e with { RunId = input.RunId, FoundAt = time.GetUtcNow() }));
        }

        await drift.SaveAsync(input.Dataset, input.RunId, events, ct);
        foreach (var e in events)
        {
            LogDrift(input.RunId, input.Dataset, e.ToString());
            StrataTelemetry.DriftEvents.Add(1, new("strata.pipeline", pipeline), new("strata.dataset", input.Dataset), new("strata.drift.kind", DataDriftEvent.Word(e.Kind)), new("strata.drift.severity", e.Severity.ToString().ToLowerInvariant()));
        }

        return events;
    }

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "Run {RunId}: semantic drift in {Dataset}: {DriftEvent}")]
    private partial void LogDrift(string runId, string dataset, string driftEvent);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "Run {RunId}: {Dataset} warns: {Warning}")]
    private partial void LogWarning(string runId, string dataset, string warning);
}
