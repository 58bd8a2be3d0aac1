using System.CommandLine;
using System.Text.Json;
using Strata.Cli.Output;
using Strata.Planning;
using Strata.Workflow.Contracts;

namespace Strata.Cli.Commands;

/// <summary><c>strata plan &lt;pipeline&gt; [--force] [--json]</c>: what a run would rebuild, and why, without building anything.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline to plan" };
        var force = new Option<bool>("--force") { Description = "Plan as a forced run would" };
        var json = new Option<bool>("--json") { Description = "Print the plan as one JSON document" };
        var command = new Command("plan", "Show every partition a run would rebuild, and why") { pipeline, force, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
        {
            var plan = await host.Get<PipelinePlanner>().PlanAsync(new RunRequest(parse.GetValue(pipeline)!, parse.GetValue(force)), ct);
            Console.Write(parse.GetValue(json) ? JsonSerializer.Serialize(plan, StrataJson.Indented) + "\n" : PlanPrinter.Format(plan));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
