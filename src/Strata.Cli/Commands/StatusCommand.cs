using System.CommandLine;
using System.Text.Json;
using Strata.Cli.Output;
using Strata.Status;

namespace Strata.Cli.Commands;

/// <summary><c>strata status [--json]</c>.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("status", "Show every pipeline: its datasets, partitions, rows, failures and recent runs") { json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
        {
            var report = await host.Get<StatusService>().ReportAsync(ct);
            Console.Write(parse.GetValue(json) ? JsonSerializer.Serialize(report, StrataJson.Indented) + "\n" : StatusPrinter.Format(report));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
