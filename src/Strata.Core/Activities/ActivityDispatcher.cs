using System.Text.Json;
using Strata.Workflow;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>
/// Every activity by name, for the local host. Inputs and outputs travel through
/// System.Text.Json exactly as they do through Durable's history, so a record that does not
/// round-trip fails here first.
/// </summary>
public sealed class ActivityDispatcher
{
    private readonly Dictionary<string, Func<string, CancellationToken, Task<string>>> _handlers = new(StringComparer.Ordinal);

    public ActivityDispatcher(RunActivities run, LoadActivities load, DatasetActivities datasets, QualityActivities quality, AssessmentActivities assessment)
    {
        ArgumentNullException.ThrowIfNull(quality);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(datasets);
        Register<StartRunInput, RunStarted>(WorkflowNames.StartRun, run.StartRunAsync);
        Register<SweepInput, Runs.LandingCounts>(WorkflowNames.SweepLanding, run.SweepLandingAsync);
        Register<CompleteDatasetInput, bool>(WorkflowNames.CompleteDataset, run.CompleteDatasetAsync);
        Register<CompleteRunInput, RunEnded>(WorkflowNames.CompleteRun, run.CompleteRunAsync);
        Register<PlanParseInput, ParsePlan>(WorkflowNames.PlanParse, load.PlanParseAsync);
        Register<ParseInput, ParseSummary>(WorkflowNames.ParseRawBlob, load.ParseRawBlobAsync);
        Register<PlanLoadInput, DatasetPlan>(WorkflowNames.PlanLoad, load.PlanLoadAsync);
        Register<BuildInput, BuildResult>(WorkflowNames.BuildLoadPartition, load.BuildLoadPartitionAsync);
        Register<PlanDatasetInput, DatasetPlan>(WorkflowNames.PlanDataset, datasets.PlanDatasetAsync);
        Register<BuildInput, BuildResult>(WorkflowNames.BuildDatasetPartition, datasets.BuildDatasetPartitionAsync);
        Register<CheckDatasetInput, Quality.CheckSummary>(WorkflowNames.CheckDataset, quality.CheckDatasetAsync);
        Register<BuildPartitionsInput, BuildResult[]>(WorkflowNames.BuildLoadPartitions, load.BuildLoadPartitionsAsync);
        Register<BuildPartitionsInput, BuildResult[]>(WorkflowNames.BuildDatasetPartitions, datasets.BuildDatasetPartitionsAsync);
        Register<AssessQualityInput, QualityReport>(WorkflowNames.AssessQuality, assessment.AssessQualityAsync);
    }

    /// <summary>The registered activity names.</summary>
    public IEnumerable<string> Names => _handlers.Keys;

    /// <summary>Runs an activity with a JSON input and returns its JSON output.</summary>
    public Task<string> InvokeAsync(string name, string inputJson, CancellationToken ct) =>
        _handlers.TryGetValue(name, out var handler)
            ? handler(inputJson, ct)
            : throw new InvalidOperationException($"no activity named '{name}'");

    private void Register<TIn, TOut>(string name, Func<TIn, CancellationToken, Task<TOut>> handler)
    {
        // Each activity's whole call (JSON included) is a stage too, so what the build stages leave out shows.
        var stage = "activity " + name;
        _handlers[name] = async (json, ct) =>
        {
            using var timing = BuildStages.Time(stage);
            var input = JsonSerializer.Deserialize<TIn>(json, StrataJson.Options) ?? throw new InvalidOperationException($"activity {name} got no input");
            var output = await handler(input, ct);
            return JsonSerializer.Serialize(output, StrataJson.Options);
        };
    }
}
