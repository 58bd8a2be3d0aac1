using System.CommandLine;
using Strata.Cli.Output;
using Strata.Hosting;
using Strata.Validation;

namespace Strata.Cli.Commands;

/// <summary><c>strata validate</c>: check every pipeline definition and its SQL; needs no storage.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Check every pipeline definition (YAML, graph, mappings, SQL) and report every problem with file and line");
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(GlobalOptions.Pipelines) ?? Environment.GetEnvironmentVariable("Strata__Pipelines__Folder") ?? new PipelineOptions().Folder;
            var problems = DefinitionValidator.Validate(folder);
            foreach (var problem in problems)
            {
                CliConsole.Error(problem.ToString());
            }

            if (problems.Count == 0)
            {
                Console.WriteLine(TerminalText.Escape($"{folder}: every pipeline definition is valid"));
            }

            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }
}
