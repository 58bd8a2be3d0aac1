using System.CommandLine;
using System.Text.Json;
using Strata.Cli.Output;
using Strata.Quality;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata checks list &lt;dataset&gt; [--partition K] [--json]</c> and
/// <c>strata checks accept &lt;dataset&gt; --partition K --check C --reason "..." [--by who]</c>.
/// </summary>
internal static class ChecksCommand
{
    public static Command Create()
    {
        var command = new Command("checks", "List a source's or dataset's check results and held partitions, or accept a failing check to release its partition");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Accept());
        return command;
    }

    private static Command List()
    {
        var dataset = new Argument<string>("dataset") { Description = "A source or dataset" };
        var partition = new Option<string?>("--partition") { Description = "Only this partition's results" };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("list", "Show checks, their latest results, held and waiting partitions, and expectation counts") { dataset, partition, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
        {
            var checks = await host.Get<ChecksApi>().ListAsync(parse.GetValue(dataset)!, parse.GetValue(partition), ct);
            Console.Write(parse.GetValue(json) ? JsonSerializer.Serialize(checks, StrataJson.Indented) + "\n" : ChecksPrinter.Format(checks));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Accept()
    {
        var dataset = new Argument<string>("dataset") { Description = "The source or dataset whose partition is held" };
        var partition = new Option<string>("--partition") { Description = "The held partition's key", Required = true };
        var check = new Option<string>("--check") { Description = "The failing check's name", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the partition may be used as it is (recorded)", Required = true };
        var by = new Option<string?>("--by") { Description = "Who accepts it (recorded); default: the OS user" };
        var command = new Command("accept", "Accept a failing check on one partition: it is released and downstream builds from it on the next run") { dataset, partition, check, reason, by };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
        {
            try
            {
                var who = parse.GetValue(by) ?? Environment.UserName;
                var result = await host.Get<ChecksApi>().AcceptAsync(parse.GetValue(dataset)!, parse.GetValue(partition)!, parse.GetValue(check)!, who, parse.GetValue(reason)!, ct);
                Console.WriteLine(TerminalText.Escape($"accepted {result.Check} on {result.Dataset} [{result.Partition}] by {result.Acceptance!.By}: {result.Acceptance.Reason}"));
                return ExitCodes.Ok;
            }
            catch (QualityException e)
            {
                CliConsole.Error(e.Message);
                return ExitCodes.BadInput;
            }
        }, ct));
        return command;
    }
}
