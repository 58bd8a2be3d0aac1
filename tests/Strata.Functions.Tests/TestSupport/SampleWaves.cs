using Strata.Definitions;
using Strata.Partitions;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Functions.Tests.TestSupport;

/// <summary>The repository's sample pipeline and its landing waves (<c>samples/01-…</c> to <c>03-…</c>), and what a lake committed for them.</summary>
public static class SampleWaves
{
    public const string Pipeline = "sweepstakes";

    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    /// <summary>The wave folders, in order.</summary>
    public static IReadOnlyList<string> Waves { get; } =
        Directory.GetDirectories(Path.Combine(Root, "samples")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>A copy of the shipped pipelines folder.</summary>
    public static TestPipelines Pipelines() => new TestPipelines().Copy(Path.Combine(Root, "pipelines", Pipeline));

    /// <summary>Drops a wave's files into the lake's landing container, as producers would; the next run's landing sweep lands them.</summary>
    public static async Task DropAsync(TestLake lake, string wave)
    {
        ArgumentNullException.ThrowIfNull(lake);
        var folder = Path.Combine(Root, "samples", wave);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            await lake.Storage.Container(LakeContainers.Landing).GetBlobClient(name).UploadAsync(file, overwrite: true);
        }
    }

    /// <summary>Every committed partition of every source and dataset: <c>dataset/partition fingerprint output-hash rows</c>, sorted.</summary>
    public static async Task<IReadOnlyList<string>> CommittedAsync(TestLake lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        var pipeline = lake.Get<PipelineCatalog>().Get(Pipeline);
        var store = lake.Get<PartitionStore>();
        var lines = new List<string>();
        foreach (var dataset in pipeline.Sources.Select(s => s.Name).Concat(pipeline.Datasets.Select(d => d.Name)))
        {
            await foreach (var record in store.ListAsync(dataset, CancellationToken.None))
            {
                lines.Add($"{record.Dataset}/{record.Partition} {record.Fingerprint} {record.OutputHash} {record.Rows}");
            }
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Functions.sln above {start}: run the tests from inside the repository");
    }
}
