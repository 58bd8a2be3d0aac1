using System.CommandLine;
using Strata.Cli.Output;
using Strata.Definitions;
using Strata.Land;
using Strata.Storage;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata land &lt;files|folders&gt;... [--prefix P]</c>: drop files into landing and land them.
/// Exits <see cref="ExitCodes.LandedNowhere"/> when a file matched no source's landing prefix.
/// </summary>
internal static class LandCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to land", Arity = ArgumentArity.OneOrMore };
        var prefix = new Option<string>("--prefix") { Description = "A landing folder joined in front of each name (e.g. sweepstakes/web)", DefaultValueFactory = _ => "" };
        var command = new Command("land", "Put files into the landing container and land them into raw (same bytes twice = stored once)") { paths, prefix };
        command.SetAction((parse, ct) =>
        {
            IReadOnlyList<(string, string)> files;
            IReadOnlyList<string> problems;
            try
            {
                // Names are checked before storage is started: a bad name costs nothing and uploads nothing.
                (files, problems) = LandingFiles.Expand(parse.GetValue(paths)!, parse.GetValue(prefix) ?? "");
            }
            catch (FileNotFoundException e)
            {
                problems = [e.Message];
                files = [];
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    CliConsole.Error(problem);
                }

                return Task.FromResult(ExitCodes.BadInput);
            }

            return CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
            {
                var results = await LandingFiles.UploadAndLandAsync(host.Get<LakeStorage>(), host.Get<Lander>(), files, ct);
                Console.Write(LandingFiles.Describe(results, Prefixes(host.Get<PipelineCatalog>())));
                return results.Any(r => r.Outcome is LandOutcome.Unowned or LandOutcome.Rejected) ? ExitCodes.LandedNowhere : ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    public static IEnumerable<string> Prefixes(PipelineCatalog catalog) => catalog.Pipelines.SelectMany(p => p.Sources).Select(s => s.LandingPrefix);
}
