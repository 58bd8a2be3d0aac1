using System.CommandLine;
using Strata.Cli.Hosting;

namespace Strata.Cli.Commands;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Pipelines = new("--pipelines")
    {
        Description = "The pipelines folder (default: pipelines, or Strata__Pipelines__Folder)",
        Recursive = true,
    };

    public static readonly Option<string> Data = new("--data")
    {
        Description = "Where the embedded Azurite, its Node install (outside the repository) and the demo PII key live",
        DefaultValueFactory = _ => ".strata",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print what each step of a run does (plan, parse, build: partitions, reasons, rows, quarantine, drift) and stack traces of unexpected errors",
        Recursive = true,
    };

    public static CliSettings Read(ParseResult parse, bool fresh = false, bool logInformation = false) =>
        new(parse.GetValue(Pipelines), parse.GetValue(Data) ?? ".strata", fresh, parse.GetValue(Verbose), logInformation);
}
