using Strata.Definitions;
using Strata.Land;
using Strata.Partitions;
using Strata.Runs;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>Activities that frame a run: start it, sweep landing, complete each dataset, end it.</summary>
public sealed class RunActivities(
    PipelineCatalog catalog,
    PipelineStateStore states,
    RunStore runs,
    Lander lander,
    PartitionStore partitions,
    Lake.Publishing.LakePublisher publisher,
    Microsoft.Extensions.Options.IOptions<Workflow.WorkflowOptions> workflow,
    TimeProvider time)
{
    /// <summary>Allocates the run number, records the run, and returns the pipeline's shape for the workflow.</summary>
    public async Task<RunStarted> StartRunAsync(StartRunInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pipeline = catalog.Get(input.Request.Pipeline);
        var state = await states.StartRunAsync(pipeline.Name, ct);
        var runId = RunRecord.IdFor(pipeline.Name, state.RunCounter);
        await runs.SaveAsync(new RunRecord
        {
            RunId = runId,
            Pipeline = pipeline.Name,
            Number = state.RunCounter,
            Status = RunStatus.Running,
            StartedAt = input.RequestedAt,
            Trigger = input.Request.Trigger,
            Force = input.Request.Force,
        }, ct);

        return new RunStarted(
            runId,
            state.RunCounter,
            pipeline.Name,
            input.RequestedAt,
            pipeline.Sources.Select(s => s.Name).ToList(),
            pipeline.Datasets.Select(d => new DatasetStep(d.Name, d.Layer.ToString().ToLowerInvariant(), d.Inputs.Select(i => i.Name).ToList())).ToList(),
            Math.Max(1, workflow.Value.BatchSize));
    }

    /// <summary>Lands whatever sits in the pipeline's landing prefixes (a safety net for missed triggers).</summary>
    public async Task<LandingCounts> SweepLandingAsync(SweepInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var results = await lander.SweepAsync(input.Pipeline, ct);
        return new LandingCounts(
            results.Count(r => r.Outcome == LandOutcome.Landed),
            results.Count(r => r.Outcome == LandOutcome.Duplicate),
            results.Count(r => r.Outcome == LandOutcome.Unowned));
    }

    /// <summary>
    /// Writes any missing failure markers, folds the dataset's new commit-log lines into its
    /// summary counts and, when the pass covered the whole dataset, records the code hash and
    /// input positions it consumed; then publishes the dataset's Delta table (last, so a dataset
    /// that cannot be published still records its progress).
    /// </summary>
    public async Task<bool> CompleteDatasetAsync(CompleteDatasetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var failure in input.Failures)
        {
            if (await partitions.GetFailureAsync(input.Dataset, failure.Partition, ct) is null)
            {
                await partitions.RecordFailureAsync(new FailureMarker(input.Dataset, failure.Partition, failure.Fingerprint, failure.Error, input.RunId, time.GetUtcNow()), ct);
            }
        }

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
        await partitions.SaveSummaryAsync(new DatasetSummary
        {
            Dataset = input.Dataset,
            CodeHash = input.Advance || summary is null ? input.CodeHash : summary.CodeHash,
            SqlHash = input.Advance || summary is null ? input.SqlHash : summary.SqlHash,
            Seen = seen,
            Partitions = (summary?.Partitions ?? 0) + changes.Count(c => c.IsNew),
            Rows = (summary?.Rows ?? 0) + changes.Sum(c => c.Rows - c.PreviousRows),
            LastRunId = input.RunId,
            UpdatedAt = time.GetUtcNow(),
        }, ct);
        await publisher.PublishAsync(input.Dataset, input.RunId, input.RunNumber, ct);
        return true;
    }

    /// <summary>Records the run's summary and ends it; says whether landings arrived meanwhile.</summary>
    public async Task<RunEnded> CompleteRunAsync(CompleteRunInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var summary = input.Summary;
        var number = RunRecord.TryParseId(summary.RunId, out _, out var parsed) ? parsed : 0;
        await runs.SaveAsync(new RunRecord
        {
            RunId = summary.RunId,
            Pipeline = summary.Pipeline,
            Number = number,
            Status = summary.Status,
            StartedAt = summary.StartedAt,
            EndedAt = summary.EndedAt,
            Summary = summary,
        }, ct);
        return new RunEnded(await states.EndRunAsync(summary.Pipeline, summary.RunId, ct));
    }
}
