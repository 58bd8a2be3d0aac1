using Microsoft.Extensions.Logging;
using Strata.Definitions;
using Strata.Land;
using Strata.Partitions;
using Strata.Runs;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>Activities that frame a run: start it, sweep landing, complete each dataset, end it.</summary>
public sealed partial class RunActivities(
    PipelineCatalog catalog,
    RunLeaseKeeper leases,
    RunStore runs,
    Lander lander,
    PartitionStore partitions,
    Lake.Publishing.LakePublisher publisher,
    Microsoft.Extensions.Options.IOptions<Workflow.WorkflowOptions> workflow,
    TimeProvider time,
    ILogger<RunActivities> logger,
    Lineage.OpenLineage.OpenLineageEmitter openLineage)
{
    /// <summary>
    /// Takes the pipeline's run lease, allocates the run number, records the run, and returns the
    /// pipeline's shape for the workflow. When another run holds the lease (in any host), returns
    /// the refusal instead and, unless the starter waits for the lease, marks the pipeline dirty so
    /// the holder continues as new with this start's data.
    /// </summary>
    public async Task<RunStarted> StartRunAsync(StartRunInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pipeline = catalog.Get(input.Request.Pipeline);
        var attempt = await leases.AcquireAsync(pipeline.Name, markDirtyWhenHeld: !input.Request.WaitForLease, ct);
        var state = attempt.State;
        var startedAt = time.GetUtcNow();
        LeaseRefusal? refused = null;
        if (attempt.Acquired)
        {
            await runs.SaveAsync(new RunRecord
            {
                RunId = state.ActiveRunId!,
                Pipeline = pipeline.Name,
                Number = state.RunCounter,
                Status = RunStatus.Running,
                StartedAt = startedAt,
                Trigger = input.Request.Trigger,
                Force = input.Request.Force,
            }, ct);
        }
        else
        {
            refused = new LeaseRefusal(state.ActiveRunId!, state.LeaseHolder, state.LeaseExpiresAt, MarkedDirty: !input.Request.WaitForLease);
            LogRefused(pipeline.Name, refused.ToString(), refused.MarkedDirty);
        }

        // StartedAt is when the lease was taken, so a run's recorded span lies inside its hold on the pipeline.
        return new RunStarted(
            attempt.Acquired ? state.ActiveRunId! : "",
            attempt.Acquired ? state.RunCounter : 0,
            pipeline.Name,
            startedAt,
            pipeline.Sources.Select(s => s.Name).ToList(),
            pipeline.Datasets.Select(d => new DatasetStep(d.Name, d.Layer.ToString().ToLowerInvariant(), d.Inputs.Select(i => i.Name).ToList())).ToList(),
            Math.Max(1, workflow.Value.BatchSize),
            ActivityRetry.From(workflow.Value)) { Refused = refused, PartitionsPerActivity = Math.Max(1, workflow.Value.PartitionsPerActivity) };
    }

    /// <summary>Lands whatever sits in the pipeline's landing prefixes (a safety net for missed triggers).</summary>
    public async Task<LandingCounts> SweepLandingAsync(SweepInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await leases.TouchAsync(input.RunId, ct);
        var results = await lander.SweepAsync(input.Pipeline, ct);
        return new LandingCounts(
            results.Count(r => r.Outcome == LandOutcome.Landed),
            results.Count(r => r.Outcome == LandOutcome.Duplicate),
            results.Count(r => r.Outcome == LandOutcome.Unowned));
    }

    /// <summary>
    /// Writes any missing failure markers, folds the dataset's new commit-log lines into its
    /// summary counts and, when the pass covered the whole dataset, records the code hash and
    /// input positions it consumed; then publishes the dataset's Delta table (after the summary, so a
    /// dataset that cannot be published still records its progress) and emits the step's OpenLineage
    /// COMPLETE or FAIL event (after publishing, so a consumer told COMPLETE finds the new version).
    /// </summary>
    public async Task<bool> CompleteDatasetAsync(CompleteDatasetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await leases.TouchAsync(input.RunId, ct);
        foreach (var failure in input.Failures)
        {
            if (await partitions.GetFailureAsync(input.Dataset, failure.Partition, ct) is null)
            {
                await partitions.RecordFailureAsync(new FailureMarker(input.Dataset, failure.Partition, failure.Fingerprint, failure.Error, input.RunId, time.GetUtcNow()), ct);
            }
        }

        // The write is conditional on the summary read: two completions at once (a retried activity,
        // runs that overlapped) each fold their change into what the other left, and neither is lost.
        while (!await partitions.SaveSummaryAsync(await FoldSummaryAsync(input, ct), ct))
        {
            LogSummaryRetry(input.Dataset, input.RunId);
        }

        var published = await publisher.PublishAsync(input.Dataset, input.RunId, input.RunNumber, ct);
        await openLineage.CompleteAsync(WithRewrites(input, published.Rewritten), ct);
        return true;
    }

    /// <summary>The step's output for its lineage event: what its builds wrote plus earlier partitions the publish rewrote at widened types.</summary>
    private static CompleteDatasetInput WithRewrites(CompleteDatasetInput input, Lake.Publishing.RewrittenFiles rewritten) =>
        rewritten.Partitions == 0 || input.Output is not { } output
            ? input
            : input with { Output = output with { Written = output.Written + rewritten.Partitions, Rows = output.Rows + rewritten.Rows, Bytes = output.Bytes + rewritten.Bytes } };

    private async Task<DatasetSummary> FoldSummaryAsync(CompleteDatasetInput input, CancellationToken ct)
    {
        var summary = await partitions.GetSummaryAsync(input.Dataset, ct);
        const string self = "~self";
        var counted = summary?.SeenOf(self) ?? 0;
        var changes = await partitions.ChangesSinceAsync(input.Dataset, counted, ct);
        var seen = new Dictionary<string, long>(summary?.Seen ?? new Dictionary<string, long>(), StringComparer.Ordinal);
        if (input.Advance)
        {
            foreach (var (key, value) in input.Seen)
            {
                seen[key] = value;
            }
        }

        seen[self] = changes.Count == 0 ? counted : changes.Max(c => c.Run);
        return new DatasetSummary
        {
            Dataset = input.Dataset,
            CodeHash = input.Advance || summary is null ? input.CodeHash : summary.CodeHash,
            SqlHash = input.Advance || summary is null ? input.SqlHash : summary.SqlHash,
            Seen = seen,
            Partitions = (summary?.Partitions ?? 0) + changes.Count(c => c.IsNew),
            Rows = (summary?.Rows ?? 0) + changes.Sum(c => c.Rows - c.PreviousRows),
            LastRunId = input.RunId,
            UpdatedAt = time.GetUtcNow(),
            ETag = summary?.ETag,
        };
    }

    /// <summary>Records the run's summary and ends it; says whether landings arrived meanwhile.</summary>
    public async Task<RunEnded> CompleteRunAsync(CompleteRunInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var summary = input.Summary;
        var number = RunRecord.TryParseId(summary.RunId, out _, out var parsed) ? parsed : 0;
        var started = await runs.GetAsync(summary.RunId, ct);
        await runs.SaveAsync(new RunRecord
        {
            Trigger = started?.Trigger ?? "cli",
            Force = started?.Force ?? false,
            RunId = summary.RunId,
            Pipeline = summary.Pipeline,
            Number = number,
            Status = summary.Status,
            StartedAt = summary.StartedAt,
            EndedAt = summary.EndedAt,
            Summary = summary,
        }, ct);
        Telemetry.RunTelemetry.Record(summary);
        return new RunEnded(await leases.ReleaseAsync(summary.Pipeline, summary.RunId, ct));
    }

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "A start of {Pipeline} ran nothing: {Refusal} (marked dirty for it: {MarkedDirty})")]
    private partial void LogRefused(string pipeline, string refusal, bool markedDirty);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "The summary of {Dataset} changed while run {RunId} completed it; folding again")]
    private partial void LogSummaryRetry(string dataset, string runId);
}
