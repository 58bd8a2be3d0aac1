using System.Diagnostics;
using Strata.Workflow.Contracts;

namespace Strata.Telemetry;

/// <summary>The span and duration of one partition build (the activity itself, so it is live, not reconstructed).</summary>
public static class PartitionTelemetry
{
    public static Activity? Start(BuildInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var span = StrataTelemetry.Source.StartActivity("strata.partition.build");
        span?.SetTag("strata.dataset", input.Dataset);
        span?.SetTag("strata.partition", input.Partition);
        span?.SetTag("strata.run_id", input.RunId);
        span?.SetTag("strata.force", input.Force);
        return span;
    }

    public static BuildResult End(Activity? span, BuildInput input, BuildResult result, TimeSpan took)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Outcome.ToString().ToLowerInvariant();
        span?.SetTag("strata.outcome", outcome);
        span?.SetTag("strata.rows", result.RowsWritten);
        if (result.Outcome == BuildOutcome.Failed)
        {
            span?.SetStatus(ActivityStatusCode.Error, result.Error);
        }

        StrataTelemetry.PartitionBuildDuration.Record(took.TotalSeconds, new("strata.dataset", input.Dataset), new("strata.outcome", outcome));
        return result;
    }

    public static void Fail(Activity? span, BuildInput input, Exception error, TimeSpan took)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(error);
        span?.SetTag("strata.outcome", "failed");
        span?.SetStatus(ActivityStatusCode.Error, error.Message);
        StrataTelemetry.PartitionBuildDuration.Record(took.TotalSeconds, new("strata.dataset", input.Dataset), new("strata.outcome", "failed"));
    }
}
