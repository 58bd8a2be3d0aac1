using System.CommandLine;
using Strata.Cli.Output;
using Strata.Definitions;
using Strata.Land;
using Strata.Planning;
using Strata.Storage;
using Strata.Workflow.Contracts;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata demo</c>: the whole thing end to end on the embedded Azurite. Each folder under
/// <c>samples/</c> is a wave of producer drops (in name order): its files go into landing, are
/// landed, and every pipeline runs. A second <c>strata demo</c> lands the same bytes again —
/// duplicates — and builds nothing; <c>--fresh</c> starts from an empty lake.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var fresh = new Option<bool>("--fresh") { Description = "Start the embedded Azurite from empty" };
        var samples = new Option<string?>("--samples") { Description = "The folder of sample waves (default: samples, or the demo's the tool ships when there is none)" };
        var json = new Option<bool>("--json") { Description = "Print run summaries as JSON" };
        var command = new Command("demo", "Land the sample files wave by wave and run every pipeline, on the embedded Azurite") { fresh, samples, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse, parse.GetValue(fresh)), async host =>
        {
            CliConsole.Note($"storage: {host.StorageDescription}");
            var folder = parse.GetValue(samples) ?? Hosting.ToolFiles.DefaultSamples("samples");
            var waves = Directory.Exists(folder) ? Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToList() : [];
            if (waves.Count == 0)
            {
                CliConsole.Error($"no sample waves under '{folder}'; pass --samples <folder of wave folders>");
                return ExitCodes.BadInput;
            }

            var catalog = host.Get<PipelineCatalog>();
            CliConsole.Note($"pipelines: {catalog.Folder}; samples: {Path.GetFullPath(folder)}");
            var verbose = parse.GetValue(GlobalOptions.Verbose);
            var exit = ExitCodes.Ok;
            foreach (var wave in waves)
            {
                Console.WriteLine($"\n== wave {Path.GetFileName(wave)} ==");
                var (files, problems) = LandingFiles.Expand([wave], "");
                problems.ToList().ForEach(p => CliConsole.Error(p));
                var landed = await LandingFiles.UploadAndLandAsync(host.Get<LakeStorage>(), host.Get<Lander>(), files, ct);
                Console.Write(LandingFiles.Describe(landed, LandCommand.Prefixes(catalog)));
                foreach (var pipeline in catalog.Pipelines)
                {
                    var summaries = await RunCommand.RunAsync(host, new RunRequest(pipeline.Name, Trigger: "demo"), parse.GetValue(json), verbose, ct);
                    if (summaries.Any(s => s.PartitionsFailed > 0))
                    {
                        exit = ExitCodes.PartitionsFailed;
                    }
                }
            }

            Console.WriteLine("\n== plan after the demo ==");
            foreach (var pipeline in catalog.Pipelines)
            {
                Console.Write(PlanPrinter.Format(await host.Get<PipelinePlanner>().PlanAsync(new RunRequest(pipeline.Name), ct)));
            }

            Console.WriteLine("\nNext: strata status | strata plan <pipeline> | strata lineage <dataset> --partition <key>; run `strata demo` again to see nothing rebuilt.");
            return exit;
        }, ct));
        return command;
    }
}
