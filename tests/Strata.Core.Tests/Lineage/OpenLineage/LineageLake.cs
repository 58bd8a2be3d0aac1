using System.Text.Json;
using Strata.Definitions;
using Strata.Lineage.OpenLineage;
using Strata.Partitions;
using Strata.Runs;
using Strata.Storage;
using Strata.Testing;
using Strata.Tests.TestSupport;

namespace Strata.Tests.Lineage.OpenLineage;

/// <summary>What the OpenLineage run tests read back from a lake: sample waves, a run's lake file, what a run committed.</summary>
internal static class LineageLake
{
    /// <summary>Settings that point a test lake at a consumer, with short bounds so a failing one costs a test little.</summary>
    public static Dictionary<string, string?> Settings(Uri url, string? apiKey = null) => new()
    {
        ["Strata:Lineage:OpenLineageUrl"] = url.ToString(),
        ["Strata:Lineage:ApiKey"] = apiKey,
        ["Strata:Lineage:SendTimeout"] = "00:00:02",
        ["Strata:Lineage:MaxAttempts"] = "2",
    };

    /// <summary>Lands every file of a sample wave (<c>samples/&lt;wave&gt;/</c>), named by its path in the wave, as the demo does.</summary>
    public static async Task LandWaveAsync(TestLake lake, string wave)
    {
        var folder = RepoPaths.Combine("samples", wave);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await lake.LandAsync(Path.GetRelativePath(folder, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file));
        }
    }

    /// <summary>The event lines of a run's file in the lake.</summary>
    public static async Task<IReadOnlyList<string>> LinesAsync(TestLake lake, RunSummary run)
    {
        var path = OpenLineageFiles.PathOf(run.Pipeline, DateOnly.FromDateTime(run.StartedAt.UtcDateTime), run.RunId);
        return await lake.Get<OpenLineageFiles>().ReadAsync(path, CancellationToken.None);
    }

    /// <summary>Per source or dataset of the pipeline, the partitions the run committed (built, or rebuilt with identical rows).</summary>
    public static async Task<Dictionary<string, List<PartitionRecord>>> CommittedAsync(TestLake lake, RunSummary run)
    {
        var pipeline = lake.Get<PipelineCatalog>().Get(run.Pipeline);
        var committed = new Dictionary<string, List<PartitionRecord>>(StringComparer.Ordinal);
        foreach (var name in pipeline.Sources.Select(s => s.Name).Concat(pipeline.Datasets.Select(d => d.Name)))
        {
            var records = new List<PartitionRecord>();
            await foreach (var record in lake.Get<PartitionStore>().ListAsync(name, CancellationToken.None))
            {
                if (record.RunId == run.RunId)
                {
                    records.Add(record);
                }
            }

            if (records.Count > 0)
            {
                committed[name] = records;
            }
        }

        return committed;
    }

    /// <summary>The bytes of a committed partition's files, as the lake holds them.</summary>
    public static async Task<(long Bytes, int Files)> SizeAsync(TestLake lake, PartitionRecord record)
    {
        var container = lake.Storage.Container(LakeContainers.ForOutput(lake.Get<PipelineCatalog>(), record.Dataset));
        long bytes = 0;
        foreach (var path in record.ExtraPaths.Prepend(record.OutputPath))
        {
            bytes += (await container.GetBlobClient(path).GetPropertiesAsync()).Value.ContentLength;
        }

        return (bytes, 1 + record.ExtraPaths.Count);
    }

    /// <summary>The events of one job, by job name (<c>&lt;pipeline&gt;.&lt;dataset&gt;</c>).</summary>
    public static ILookup<string, JsonElement> ByJob(IEnumerable<JsonElement> events) =>
        events.ToLookup(e => e.GetProperty("job").GetProperty("name").GetString()!, StringComparer.Ordinal);

    public static string Type(JsonElement @event) => @event.GetProperty("eventType").GetString()!;

    public static JsonElement Statistics(JsonElement @event) => @event.GetProperty("outputs")[0].GetProperty("outputFacets").GetProperty("outputStatistics");
}
