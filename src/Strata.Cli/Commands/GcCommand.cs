using System.CommandLine;
using System.Text.Json;
using Strata.Cli.Output;
using Strata.Lake.Gc;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata gc [--dry-run] [--json]</c>: deletes every blob of the lake nothing references
/// (superseded outputs out of retention, outputs of lost races and crashed builds, orphaned
/// fragments); a dry run lists them with their sizes and deletes nothing.
/// </summary>
internal static class GcCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be deleted, and its size; delete nothing" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("gc", "Delete every blob no committed partition, retained Delta version or running build references") { dryRun, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
        {
            var report = await host.Get<GarbageCollector>().CollectAsync(parse.GetValue(dryRun), ct);
            Console.Write(parse.GetValue(json) ? JsonSerializer.Serialize(report, StrataJson.Indented) + "\n" : Format(report));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static string Format(GcReport report)
    {
        if (report.Items.Count == 0)
        {
            return "Nothing to collect: every blob is referenced.\n";
        }

        var table = new TextTable("container", "blob", "bytes", "why");
        foreach (var item in report.Items)
        {
            table.Add(item.Container, item.Blob, item.Size, item.Reason);
        }

        var verb = report.DryRun ? "would delete" : $"deleted {report.Deleted} of";
        return $"{table}\n{verb} {report.Items.Count} blob(s), {report.Bytes:N0} bytes{(report.DryRun ? " (dry run: nothing deleted)" : "")}\n";
    }
}
