using System.Globalization;
using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Land;
using Strata.Partitions;
using Strata.Planning;
using Strata.Transform;

namespace Strata.Bench.Lake;

/// <summary>
/// A large committed state without building it: N hourly partitions of
/// the <c>events</c> source and of the <c>hourly</c> dataset, imported through
/// <see cref="PartitionStore.ImportAsync"/>, plus the summaries a completed run leaves. Building
/// 200,000 real partitions on 2 cores takes hours; the planner only ever sees table rows, so
/// rows of the same shape measure it faithfully. Changes are then made for real (land, run).
/// </summary>
internal static class SyntheticState
{
    public const string Yaml = """
        sources:
          events:
            landing: events/
            format: csv
            partition: { column: at, grain: hour, key: event_hour }
        datasets:
          hourly:
            layer: integrate
            inputs:
              events: identity
        """;

    public const string Sql = "SELECT count(*) AS events, sum(value) AS total FROM events";

    public static readonly DateTime Start = new(2014, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string Hour(int i) => PartitionKeys.Format(Start.AddHours(i), Grain.Hour);

    public static async Task SeedAsync(BenchLake lake, int partitions)
    {
        var catalog = lake.Get<PipelineCatalog>();
        var pipeline = catalog.Get("bench");
        var source = pipeline.FindSource("events")!;
        var dataset = pipeline.FindDataset("hourly")!;
        var store = lake.Get<PartitionStore>();
        await lake.Get<ReceiptStore>().RecordAsync(new LandingReceipt("events", new string('0', 64), "events/seed", "seed", 0, DateOnly.FromDateTime(Start), DateTimeOffset.UnixEpoch, 0), CancellationToken.None);

        var now = DateTimeOffset.UnixEpoch;
        IEnumerable<PartitionRecord> Rows(string name) => Enumerable.Range(0, partitions).Select(i => new PartitionRecord
        {
            Dataset = name,
            Partition = Hour(i),
            Fingerprint = FingerprintBuilder.ShortHash($"{name}{i}", 64),
            OutputHash = FingerprintBuilder.ShortHash($"out{name}{i}", 32),
            OutputPath = $"{name}/seed/{i.ToString(CultureInfo.InvariantCulture)}.parquet",
            Rows = 1,
            RunId = "bench-000001",
            CommitRun = 1,
            CommittedAt = now,
        });

        await store.ImportAsync(Rows("events").Concat(Rows("hourly")), parallelism: 8, CancellationToken.None);
        await store.SaveSummaryAsync(new DatasetSummary
        {
            Dataset = "events",
            CodeHash = lake.Get<LoadSpecs>().HashOf(source),
            Seen = new Dictionary<string, long> { [LoadPlanner.LandingInput] = 1, ["~self"] = 1 },
            Partitions = partitions,
            Rows = partitions,
            UpdatedAt = now,
        }, CancellationToken.None);
        await store.SaveSummaryAsync(new DatasetSummary
        {
            Dataset = "hourly",
            CodeHash = DatasetCode.Hash(dataset, lake.Get<SqlEngine>().EngineVersion),
            SqlHash = DatasetCode.SqlHash(dataset),
            Seen = new Dictionary<string, long> { ["events"] = 1, ["~self"] = 1 },
            Partitions = partitions,
            Rows = partitions,
            UpdatedAt = now,
        }, CancellationToken.None);

        // The seeded state is run 1 of the pipeline, which has ended.
        var states = lake.Get<Strata.Runs.PipelineStateStore>();
        var seeded = await states.TryStartRunAsync("bench", "bench", now, TimeSpan.FromMinutes(1), markDirtyWhenHeld: false, CancellationToken.None);
        await states.EndRunAsync("bench", seeded.State.ActiveRunId!, CancellationToken.None);
    }

    /// <summary>A CSV with one event in each of the given hours.</summary>
    public static string Events(IEnumerable<int> hours, int salt) =>
        "at,value\n" + string.Concat(hours.Select(h => $"{Start.AddHours(h).AddMinutes(salt % 60):yyyy-MM-dd'T'HH:mm:ss'Z'},{h + salt}\n"));
}
