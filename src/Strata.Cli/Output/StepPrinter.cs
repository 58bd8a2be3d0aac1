using System.Text.Json;
using Strata.Workflow;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Cli.Output;

/// <summary>
/// <c>--verbose</c>: what each step of a run does, on stderr as it completes — the landing sweep,
/// each raw blob parsed (rows read, loaded, quarantined, partitions), each plan (every stale
/// partition with its reason, how many are up to date, drift) and each partition built (built,
/// unchanged, already committed or failed, with rows). Read from the workflow's own record of its
/// calls (<see cref="WorkflowHistory"/>, the history Durable keeps), so it shows exactly what the
/// workflow was given and got back.
/// </summary>
internal sealed class StepPrinter(WorkflowHistory history)
{
    // A plan can hold thousands of partitions; past this many per step, a count stands in.
    private const int MaxListed = 50;

    private readonly Lock _gate = new();
    private int _printed;

    /// <summary>Prints the steps completed since the last call (an activity-completed handler; failed steps show at the next one or at <see cref="Flush"/>).</summary>
    public void OnActivityCompleted(string activity) => Flush();

    public void Flush()
    {
        lock (_gate)
        {
            var order = history.Completions;
            var calls = history.Calls;
            for (; _printed < order.Count; _printed++)
            {
                foreach (var line in Describe(calls[order[_printed]]))
                {
                    CliConsole.Note(line);
                }
            }
        }
    }

    private static IEnumerable<string> Describe(HistoryCall call)
    {
        if (call.Error is { } error)
        {
            return [$"  {call.Name} failed: {StorageErrors.Shorten(error)}"];
        }

        return call.Name switch
        {
            WorkflowNames.StartRun when Read<RunStarted>(call.OutputJson) is { } run => [$"[{run.RunId}] {run.Pipeline}: started"],
            WorkflowNames.SweepLanding when Read<Runs.LandingCounts>(call.OutputJson) is { } c => [$"land: {c.Landed} landed, {c.Duplicates} duplicate, {c.Unowned} unowned"],
            WorkflowNames.PlanParse when Read<ParsePlan>(call.OutputJson) is { } p =>
                [$"load {p.Source}: {p.NewBlobs.Count} new raw blob(s), {p.ToParse.Count} to parse{(p.SpecChanged ? " (load spec changed: every raw blob is parsed again)" : "")}"],
            WorkflowNames.ParseRawBlob when Read<ParseInput>(call.InputJson) is { } i && Read<ParseSummary>(call.OutputJson) is { } s =>
                [$"load {i.Source}: parsed raw/{i.Blob.RawPath}: {s.RowsRead} rows read, {s.RowsLoaded} loaded, {s.RowsQuarantined} quarantined, {s.Partitions} partition(s){(s.FileError is null ? "" : $"; the file is quarantined: {s.FileError}")}"],
            WorkflowNames.PlanLoad or WorkflowNames.PlanDataset when Read<DatasetPlan>(call.OutputJson) is { } plan => Plan(plan),
            WorkflowNames.BuildLoadPartition or WorkflowNames.BuildDatasetPartition when Read<BuildInput>(call.InputJson) is { } i && Read<BuildResult>(call.OutputJson) is { } r =>
                [Built(i.Dataset, r)],
            WorkflowNames.BuildBatch when Read<BuildBatchInput>(call.InputJson) is { } i && Read<BuildResult[]>(call.OutputJson) is { } results => Many(i.Dataset, results),
            WorkflowNames.BuildLoadPartitions or WorkflowNames.BuildDatasetPartitions when Read<BuildPartitionsInput>(call.InputJson) is { } i && Read<BuildResult[]>(call.OutputJson) is { } results =>
                Many(i.Dataset, results),
            _ => [],
        };
    }

    private static IEnumerable<string> Plan(DatasetPlan plan)
    {
        yield return $"{plan.Layer} {plan.Dataset}: planned {plan.Items.Count} partition(s), {plan.UpToDate} up to date";
        foreach (var item in plan.Items.Take(MaxListed))
        {
            yield return $"  {plan.Dataset} {item.Partition}: {PlanPrinter.Reason(item.Reason)} ({item.Detail})";
        }

        if (plan.Items.Count > MaxListed)
        {
            yield return $"  {plan.Dataset}: ... and {plan.Items.Count - MaxListed} more";
        }

        foreach (var drift in plan.DriftEvents)
        {
            yield return $"  {plan.Dataset} drift: {drift}";
        }
    }

    private static IEnumerable<string> Many(string dataset, BuildResult[] results) =>
        results.Take(MaxListed).Select(r => Built(dataset, r)).Append(results.Length > MaxListed ? $"  {dataset}: ... and {results.Length - MaxListed} more" : "").Where(l => l.Length > 0);

    private static string Built(string dataset, BuildResult r) => r.Outcome switch
    {
        BuildOutcome.Failed => $"  {dataset} {r.Partition}: FAILED: {StorageErrors.Shorten(r.Error ?? "")}",
        BuildOutcome.Skipped => $"  {dataset} {r.Partition}: already committed by another run",
        BuildOutcome.Unchanged => $"  {dataset} {r.Partition}: rebuilt, rows unchanged ({r.RowsIn} in, {r.RowsWritten} written; downstream is not touched)",
        _ => $"  {dataset} {r.Partition}: built ({r.RowsIn} rows in, {r.RowsWritten} written)",
    };

    private static T? Read<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, StrataJson.Options);
}
