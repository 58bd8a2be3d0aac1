using System.Diagnostics;
using Strata.Bench.Lake;
using Strata.Bench.Load;
using Strata.Land;
using Strata.Load;
using Strata.Storage;
using Strata.Storage.Azurite;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Bench.Modes;

/// <summary>
/// Land + load end to end through Azurite: the same generated orders CSV as the load mode,
/// uploaded to landing, landed (hashed, copied to raw, receipt) and loaded by a real run
/// (parse, infer, split by day, tokenise, fragments, assembled partitions, commits, the Delta
/// version); then a rerun with nothing new, and a late file touching three days (three
/// partitions rebuilt, their superseded files removed). Each run's storage requests are counted,
/// with what publishing and removal add apart. First the same file is loaded locally (file to
/// folder, after a 100,000-row warm-up), and the end-to-end throughput is printed as a ratio of it.
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
        await OurLoad.RunAsync(OrdersFile.Ensure(cache, 100_000), Path.Combine(cache, "out-ours"), new LoadEngineOptions());
        var (local, _) = await Measure.TimeAsync(() => OurLoad.RunAsync(file, Path.Combine(cache, "out-ours"), new LoadEngineOptions()));
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
        lake.Counter.Reset();
        var load = Stopwatch.StartNew();
        var run = (await lake.Get<LocalWorkflowHost>().RunAsync(new RunRequest("orders"), CancellationToken.None))[^1];
        load.Stop();
        var loadRequests = (lake.Counter.Requests, lake.Counter.LakeBreakdown);
        lake.Counter.Reset();
        var rerun = Stopwatch.StartNew();
        var again = (await lake.Get<LocalWorkflowHost>().RunAsync(new RunRequest("orders"), CancellationToken.None))[^1];
        rerun.Stop();
        var rerunRequests = (lake.Counter.Requests, lake.Counter.LakeBreakdown);

        await lake.Get<LakeStorage>().Container(LakeContainers.Landing).GetBlobClient("orders/late.csv").UploadAsync(BinaryData.FromString(LateOrders), overwrite: true);
        await lake.Get<Lander>().LandAsync("orders/late.csv", CancellationToken.None);
        lake.Counter.Reset();
        var late = Stopwatch.StartNew();
        var lateRun = (await lake.Get<LocalWorkflowHost>().RunAsync(new RunRequest("orders"), CancellationToken.None))[^1];
        late.Stop();
        var lateRequests = (lake.Counter.Requests, lake.Counter.LakeBreakdown);

        var orders = run.Datasets.Single();
        Console.WriteLine($"end to end through Azurite: {rows:N0} rows, {megabytes:0.0} MB CSV ({landed.Outcome})");
        Console.WriteLine($"  upload to landing   {upload.Elapsed.TotalSeconds,7:0.00} s");
        Console.WriteLine($"  land (hash + raw)   {land.Elapsed.TotalSeconds,7:0.00} s  {megabytes / land.Elapsed.TotalSeconds,7:0.0} MB/s");
        Console.WriteLine($"  load run            {load.Elapsed.TotalSeconds,7:0.00} s  {megabytes / load.Elapsed.TotalSeconds,7:0.0} MB/s  ({orders.Built} partitions, {orders.RowsWritten:N0} rows, {orders.RowsQuarantined} quarantined)");
        Console.WriteLine($"  land + load         {(land.Elapsed + load.Elapsed).TotalSeconds,7:0.00} s  {megabytes / (land.Elapsed + load.Elapsed).TotalSeconds,7:0.0} MB/s");
        Console.WriteLine($"  local load          {local,7:0.00} s  {megabytes / local,7:0.0} MB/s  (file to folder, same process)");
        Console.WriteLine($"  ratio               e2e land + load / local load throughput = {local / (land.Elapsed + load.Elapsed).TotalSeconds:0.00}x");
        Console.WriteLine($"  rerun (no new data) {rerun.Elapsed.TotalSeconds,7:0.00} s  ({again.PartitionsBuilt} partitions built)");
        Console.WriteLine($"  late file, 3 days   {late.Elapsed.TotalSeconds,7:0.00} s  ({lateRun.PartitionsBuilt} partitions rebuilt)");
        Console.WriteLine("  storage requests per run, and of them what publishing the Delta table and removing superseded files cost:");
        Console.WriteLine($"    load run          {loadRequests.Requests,6}  lake {loadRequests.LakeBreakdown}");
        Console.WriteLine($"    rerun             {rerunRequests.Requests,6}  lake {rerunRequests.LakeBreakdown}");
        Console.WriteLine($"    late file         {lateRequests.Requests,6}  lake {lateRequests.LakeBreakdown}");
        await lake.DisposeAsync();
        await azurite.DisposeAsync(); // stopped before its folder is removed: it may still be writing there
        Directory.Delete(folder, recursive: true);
        return orders.Failed == 0 && lateRun.PartitionsFailed == 0 ? 0 : 1;
    }

    /// <summary>Three orders on three earlier days of the generated file: three partitions rebuild.</summary>
    private const string LateOrders = """
        order_id,customer_id,amount,score,entered_at,email,status,is_member
        1,1,1.00,1.5,2026-11-03T10:00:00.000Z,user1@Example.com,new,true
        2,2,2.00,2.5,2026-11-10T10:00:00.000Z,user2@Example.com,paid,false
        3,3,3.00,3.5,2026-11-20T10:00:00.000Z,user3@Example.com,shipped,true

        """;
}
