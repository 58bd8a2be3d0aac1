using System.Diagnostics;
using System.Text.Json;
using Strata.Definitions;
using Strata.Load.Schema;
using Strata.Modes;
using Strata.Transform;

namespace Strata.Bench.Modes;

/// <summary>Runs one upsert merge in this process and prints its time, rows kept and the process's peak working set (DuckDB's memory is native, so the OS figure is the one that counts) as JSON.</summary>
internal static class UpsertProbeMode
{
    public const string Name = "upsert-probe";

    public static Task<int> RunAsync(BenchArgs args)
    {
        var input = args.String("input", "");
        var data = args.String("data", Path.GetTempPath());
        var output = Path.Combine(data, "upsert-out.parquet");
        var options = new TransformOptions { MemoryLimit = args.String("memory", "1GB"), TempDirectory = Path.Combine(data, "upsert-spill") };
        var rule = new UpsertRule(["customer_id"], "version", "op", "D");
        var schema = new SourceSchema([new SchemaColumn("op", ColumnType.String, 0, Nullable: true)]);

        var clock = Stopwatch.StartNew();
        var rows = UpsertMerge.Run(rule, schema, input, output, options);
        var seconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new { rows, seconds, peakWorkingSetMb = process.PeakWorkingSet64 / 1e6 }));
        File.Delete(output);
        return Task.FromResult(0);
    }
}
