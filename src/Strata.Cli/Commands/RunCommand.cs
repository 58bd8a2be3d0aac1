using System.CommandLine;
using System.Text.Json;
using Strata.Cli.Hosting;
using Strata.Cli.Output;
using Strata.Runs;
using Strata.Workflow;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Cli.Commands;

/// <summary><c>strata run &lt;pipeline&gt; [--force] [--dataset D]... [--from K] [--to K] [--json]</c>.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline to run" };
        var force = new Option<bool>("--force") { Description = "Rebuild every partition even if its fingerprint is unchanged" };
        var datasets = new Option<string[]>("--dataset") { Description = "Only these sources or datasets (repeatable)", AllowMultipleArgumentsPerToken = true };
        var from = new Option<string?>("--from") { Description = "Only partitions with key >= this" };
        var to = new Option<string?>("--to") { Description = "Only partitions with key <= this" };
        var json = new Option<bool>("--json") { Description = "Print the run summary as one JSON document" };
        var command = new Command("run", "Run a pipeline: land what is waiting, then build every stale partition, layer by layer") { pipeline, force, datasets, from, to, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
        {
            var request = new RunRequest(parse.GetValue(pipeline)!, parse.GetValue(force), parse.GetValue(datasets), parse.GetValue(from), parse.GetValue(to));
            var summaries = await RunAsync(host, request, parse.GetValue(json), parse.GetValue(GlobalOptions.Verbose), ct);
            return ExitCodeOf(summaries);
        }, ct));
        return command;
    }

    /// <summary>Failures (and refusals) outrank warnings: 1, else 5 when any run warned, else 0.</summary>
    internal static int ExitCodeOf(IReadOnlyList<RunSummary> summaries) =>
        summaries.Any(s => s.Status is not (RunStatus.Completed or RunStatus.CompletedWithWarnings)) ? ExitCodes.PartitionsFailed
        : summaries.Any(s => s.Status == RunStatus.CompletedWithWarnings) ? ExitCodes.CompletedWithWarnings
        : ExitCodes.Ok;

    /// <summary>Runs and prints; shared with <c>demo</c>. Progress goes to stderr: per dataset counts, or with <paramref name="verbose"/> every step.</summary>
    public static async Task<IReadOnlyList<RunSummary>> RunAsync(CliHost host, RunRequest request, bool json, bool verbose, CancellationToken ct)
    {
        host.Get<Definitions.PipelineCatalog>().Get(request.Pipeline);
        var workflows = host.Get<LocalWorkflowHost>();
        var progress = new ProgressPrinter();
        var steps = verbose ? new StepPrinter(workflows.History = new WorkflowHistory()) : null;
        if (steps is null)
        {
            workflows.StatusChanged += progress.OnStatus;
        }
        else
        {
            workflows.ActivityCompleted += steps.OnActivityCompleted;
        }

        try
        {
            var summaries = await workflows.RunAsync(request, ct);
            steps?.Flush();
            foreach (var summary in summaries)
            {
                Console.Write(json ? JsonSerializer.Serialize(summary, StrataJson.Indented) + "\n" : RunPrinter.Format(summary));
            }

            return summaries;
        }
        finally
        {
            workflows.StatusChanged -= progress.OnStatus;
            if (steps is not null)
            {
                steps.Flush();
                workflows.ActivityCompleted -= steps.OnActivityCompleted;
                workflows.History = null;
            }
        }
    }

    /// <summary>Progress on stderr: each layer as it starts, each dataset as its partitions finish.</summary>
    private sealed class ProgressPrinter
    {
        private readonly HashSet<string> _printed = [];

        public void OnStatus(string instanceId, object status)
        {
            if (status is not RunStatusSnapshot snapshot)
            {
                return;
            }

            lock (_printed)
            {
                if (_printed.Add($"layer:{snapshot.Layer}") && snapshot.Layer != "done")
                {
                    CliConsole.Note($"[{snapshot.RunId}] {snapshot.Layer}...");
                }

                foreach (var (dataset, p) in snapshot.Datasets)
                {
                    var line = $"  {dataset}: {p.Planned} stale" + (p.Built + p.Unchanged + p.Skipped + p.Failed > 0 ? $", {p.Built} built, {p.Unchanged} unchanged, {p.Skipped} already committed, {p.Failed} failed" : "");
                    if (_printed.Add(line))
                    {
                        CliConsole.Note(line);
                    }
                }
            }
        }
    }
}
