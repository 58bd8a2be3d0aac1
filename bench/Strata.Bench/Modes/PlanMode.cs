using System.Diagnostics;
using System.Globalization;
using Strata.Bench.Lake;
using Strata.Land;
using Strata.Planning;
using Strata.Storage;
using Strata.Storage.Azurite;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Bench.Modes;

/// <summary>
/// Planning at scale, against a real Azurite: for each size, a no-op plan (rows read, time); a
/// plan after k upstream partitions changed (rows read grow with k, not with the size); and the
/// end-to-end time of a run that rebuilds one changed partition, with its requests and, of them,
/// what publishing the Delta tables and removing the superseded files cost.
/// </summary>
internal static class PlanMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var sizes = args.String("sizes", "10,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var changed = (int)args.Long("changed", 100);
        var folder = Path.Combine(Path.GetTempPath(), $"strata-bench-plan-{Guid.NewGuid():N}");
        await using var azurite = await EmbeddedAzurite.StartAsync(Path.Combine(folder, "azurite"), null, CancellationToken.None);
        Console.WriteLine($"plan benchmark: Azurite on 127.0.0.1:{azurite.TablePort}; {Environment.ProcessorCount} cores");
        await MeasureAsync(azurite, folder, 10, changed, print: false);
        Console.WriteLine($"{"partitions",12} {"seed s",8} {"no-op plan ms",14} {"rows read",10} {"requests",9} {$"plan after {changed} changed ms",26} {"rows read",10} {"stale",6} {"rebuild 1 partition s",22} {"rows read",10} {"requests",9} {"1 point read ms",16}  publish + removal requests of the rebuild");
        foreach (var size in sizes)
        {
            await MeasureAsync(azurite, folder, size, changed, print: true);
        }

        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>One size: seed, no-op plan, one-partition rebuild, plan after k changes. The first, unprinted call warms the JIT.</summary>
    private static async Task MeasureAsync(EmbeddedAzurite azurite, string folder, int size, int changed, bool print)
    {
        {
            var pipelines = Path.Combine(folder, $"pipelines-{size}-{print}", "bench");
            Directory.CreateDirectory(Path.Combine(pipelines, "sql"));
            await File.WriteAllTextAsync(Path.Combine(pipelines, "pipeline.yaml"), SyntheticState.Yaml);
            await File.WriteAllTextAsync(Path.Combine(pipelines, "sql", "hourly.sql"), SyntheticState.Sql);
            await using var lake = new BenchLake(azurite.ConnectionString, $"b{size}{(print ? "" : "w")}", Path.GetDirectoryName(pipelines)!);
            await lake.Get<LakeStorage>().EnsureCreatedAsync(CancellationToken.None);

            var seed = Stopwatch.StartNew();
            await SyntheticState.SeedAsync(lake, size);
            seed.Stop();

            var planner = lake.Get<PipelinePlanner>();
            var pointRead = await PointReadMillisecondsAsync(lake, size);
            var (noOpMs, noOpRows, noOpRequests) = await MeasurePlanAsync(lake, planner, expectNothing: true);

            // One changed partition, end to end: land a file for one existing hour and run everything.
            await LandAsync(lake, "events/one.csv", SyntheticState.Events([size / 2], 1));
            lake.Counter.Reset();
            var rebuild = Stopwatch.StartNew();
            var run = (await lake.Get<LocalWorkflowHost>().RunAsync(new RunRequest("bench"), CancellationToken.None))[^1];
            rebuild.Stop();
            var (rebuildRows, rebuildRequests, rebuildLake) = (lake.Counter.Entities, lake.Counter.Requests, lake.Counter.LakeBreakdown);
            if (run.PartitionsBuilt != 2)
            {
                throw new InvalidOperationException($"expected 2 partitions rebuilt (events, hourly), got {run.PartitionsBuilt}");
            }

            // k changed upstream partitions, loaded but not yet integrated: the plan reads O(k).
            var k = Math.Min(changed, size);
            var hours = Enumerable.Range(0, k).Select(i => (int)((long)i * size / k)).ToList();
            await LandAsync(lake, "events/many.csv", SyntheticState.Events(hours, 2));
            await lake.Get<LocalWorkflowHost>().RunAsync(new RunRequest("bench", Datasets: ["events"]), CancellationToken.None);
            var (changedMs, changedRows, _) = await MeasurePlanAsync(lake, planner, expectNothing: false);
            var stale = (await planner.PlanAsync(new RunRequest("bench"), CancellationToken.None)).Datasets.Single(d => d.Dataset == "hourly").Partitions.Count;

            if (print)
            {
                Console.WriteLine($"{size,12:N0} {seed.Elapsed.TotalSeconds,8:0.0} {noOpMs,14:0.0} {noOpRows,10} {noOpRequests,9} {changedMs,26:0.0} {changedRows,10} {stale,6} {rebuild.Elapsed.TotalSeconds,22:0.00} {rebuildRows,10} {rebuildRequests,9} {pointRead,16:0.00}  {rebuildLake}");
            }
        }
    }

    /// <summary>
    /// Median time of one partition-row point read at this size: the emulator's own cost per
    /// request, printed so Strata's work (rows read, requests) can be told from the emulator's.
    /// </summary>
    private static async Task<double> PointReadMillisecondsAsync(BenchLake lake, int size)
    {
        var store = lake.Get<Strata.Partitions.PartitionStore>();
        var times = new List<double>();
        for (var i = 0; i < 41; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = await store.GetAsync("events", SyntheticState.Hour(i * 7919 % size), CancellationToken.None);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[20];
    }

    private static async Task LandAsync(BenchLake lake, string name, string csv)
    {
        await lake.Get<LakeStorage>().Container(LakeContainers.Landing).GetBlobClient(name).UploadAsync(BinaryData.FromString(csv), overwrite: true);
        await lake.Get<Lander>().LandAsync(name, CancellationToken.None);
    }

    /// <summary>Median of 5 plans after a warm-up, with the table rows and requests of one plan.</summary>
    private static async Task<(double Ms, long Rows, long Requests)> MeasurePlanAsync(BenchLake lake, PipelinePlanner planner, bool expectNothing)
    {
        await planner.PlanAsync(new RunRequest("bench"), CancellationToken.None);
        var times = new List<double>();
        long rows = 0, requests = 0;
        for (var i = 0; i < 5; i++)
        {
            lake.Counter.Reset();
            var watch = Stopwatch.StartNew();
            var plan = await planner.PlanAsync(new RunRequest("bench"), CancellationToken.None);
            times.Add(watch.Elapsed.TotalMilliseconds);
            (rows, requests) = (lake.Counter.Entities, lake.Counter.Requests);
            if (expectNothing && !plan.NothingStale)
            {
                throw new InvalidOperationException("the seeded state should plan nothing");
            }
        }

        times.Sort();
        return (times[2], rows, requests);
    }
}
