using System.CommandLine;
using System.Text.Json;
using Strata.Cli.Output;
using Strata.Lineage;
using Strata.Partitions;

namespace Strata.Cli.Commands;

/// <summary><c>strata lineage &lt;dataset&gt; [--partition K | --raw SHA] [--json]</c>: partition-grain lineage, both directions.</summary>
internal static class LineageCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "A source or dataset" };
        var partition = new Option<string?>("--partition") { Description = "The partition key; default: every committed partition" };
        var raw = new Option<string?>("--raw") { Description = "A raw blob's SHA-256 (of this source): show every partition it reaches" };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("lineage", "Show where a partition came from (down to raw blobs) and every partition it feeds") { dataset, partition, raw, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(GlobalOptions.Read(parse), async host =>
        {
            var service = host.Get<LineageService>();
            var name = parse.GetValue(dataset)!;
            var asJson = parse.GetValue(json);
            if (parse.GetValue(raw) is { } sha)
            {
                var node = await service.FromRawAsync(name, sha, ct);
                Console.Write(asJson ? JsonSerializer.Serialize(node, StrataJson.Indented) + "\n" : LineagePrinter.Format(node));
                return ExitCodes.Ok;
            }

            var keys = parse.GetValue(partition) is { } one ? [one] : (await host.Get<PartitionStore>().ListHashesAsync(name, ct)).Select(p => p.Key).ToList();
            if (keys.Count == 0)
            {
                CliConsole.Note($"{name} has no committed partitions yet");
                return ExitCodes.Ok;
            }

            var reports = new List<LineageReport>();
            foreach (var key in keys)
            {
                reports.Add(await service.ForPartitionAsync(name, key, ct));
            }

            Console.Write(asJson ? JsonSerializer.Serialize(reports, StrataJson.Indented) + "\n" : string.Join("\n", reports.Select(LineagePrinter.Format)));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
