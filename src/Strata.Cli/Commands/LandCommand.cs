using System.CommandLine;
using Strata.Land;
using Strata.Storage;

namespace Strata.Cli.Commands;

/// <summary><c>strata land &lt;files|folders&gt;... [--prefix P]</c>: drop files into landing and land them.</summary>
internal static class LandCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to land", Arity = ArgumentArity.OneOrMore };
        var prefix = new Option<string>("--prefix") { Description = "Put in front of each landing name (e.g. sweepstakes/web/)", DefaultValueFactory = _ => "" };
        var command = new Command("land", "Put files into the landing container and land them into raw (same bytes twice = stored once)") { paths, prefix };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
        {
            IReadOnlyList<(string, string)> files;
            try
            {
                files = LandingFiles.Expand(parse.GetValue(paths)!, parse.GetValue(prefix) ?? "").ToList();
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            var results = await LandingFiles.UploadAndLandAsync(host.Get<LakeStorage>(), host.Get<Lander>(), files, ct);
            Console.Write(LandingFiles.Describe(results));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
