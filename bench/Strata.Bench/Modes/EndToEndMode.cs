using System.Diagnostics;
using System.Globalization;
using Strata.Bench.Lake;
using Strata.Bench.Load;
using Strata.Land;
using Strata.Storage;
using Strata.Storage.Azurite;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Bench.Modes;

/// <summary>
/// Land + load end to end through Azurite: the same generated orders CSV as the load mode,
/// uploaded to landing, landed (hashed, copied to raw, receipt) and loaded by a real run
/// (parse, infer, split by day, tokenise, fragments, assembled partitions, commits).
/// </summary>
internal static class EndToEndMode
{
    private const string Yaml = """
        sources:
          orders:
            landing: orders/
            format: csv
            partition: { column: entered_at, grain: day, key: entry_date }
            pii:
              email: { action: tokenise, normalise: trim-lower }
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Long("rows", 2_000_000);
        var cache = args.String("data", Path.Combine(Path.GetTempPath(), "strata-bench"));
        var file = OrdersFile.Ensure(cache, rows);
        var megabytes = new FileInfo(file).Length / 1_000_000.0;
        var folder = Path.Combine(Path.GetTempPath(), $"strata-bench-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "pipelines", "orders"));
        await File.WriteAllTextAsync(Path.Combine(folder, "pipelines", "orders", "pipeline.yaml"), Yaml);
        await using var azurite = await EmbeddedAzurite.StartAsync(Path.Combine(folder, "azurite"), null, CancellationToken.None);
        await using var lake = new BenchLake(azurite.ConnectionString, "e2e", Path.Combine(folder, "pipelines"));
        await lake.Get<LakeStorage>().EnsureCreatedAsync(CancellationToken.None);

        var upload = Stopwatch.StartNew();
        await lake.Get<LakeStorage>().Container(LakeContainers.Landing).GetBlobClient("orders/orders.csv").UploadAsync(file, overwrite: true);
        upload.Stop();
        var land = Stopwatch.StartNew();
        var landed = await lake.Get<Lander>().LandAsync("orders/orders.csv", CancellationToken.None);
        land.Stop();
        var load = Stopwatch.StartNew();
        var run = (await lake.Get<LocalWorkflowHost>().RunAsync(new RunRequest("orders"), CancellationToken.None))[^1];
        load.Stop();
        var rerun = Stopwatch.StartNew();
        var again = (await lake.Get<LocalWorkflowHost>().RunAsync(new RunRequest("orders"), CancellationToken.None))[^1];
        rerun.Stop();

        var orders = run.Datasets.Single();
        Console.WriteLine($"end to end through Azurite: {rows:N0} rows, {megabytes:0.0} MB CSV ({landed.Outcome})");
        Console.WriteLine($"  upload to landing   {upload.Elapsed.TotalSeconds,7:0.00} s");
        Console.WriteLine($"  land (hash + raw)   {land.Elapsed.TotalSeconds,7:0.00} s  {megabytes / land.Elapsed.TotalSeconds,7:0.0} MB/s");
        Console.WriteLine($"  load run            {load.Elapsed.TotalSeconds,7:0.00} s  {megabytes / load.Elapsed.TotalSeconds,7:0.0} MB/s  ({orders.Built} partitions, {orders.RowsWritten:N0} rows, {orders.RowsQuarantined} quarantined)");
        Console.WriteLine($"  land + load         {(land.Elapsed + load.Elapsed).TotalSeconds,7:0.00} s  {megabytes / (land.Elapsed + load.Elapsed).TotalSeconds,7:0.0} MB/s");
        Console.WriteLine($"  rerun (no new data) {rerun.Elapsed.TotalSeconds,7:0.00} s  ({again.PartitionsBuilt} partitions built)");
        Directory.Delete(folder, recursive: true);
        return orders.Failed == 0 ? 0 : 1;
    }
}
