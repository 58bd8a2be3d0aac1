using Strata.Definitions;
using Strata.Runs;
using Strata.Storage;
using Strata.Testing;
using Strata.Tests.TestSupport;

namespace Strata.Tests.Lake;

/// <summary>The shipped sweepstakes pipeline on a fresh lake, fed the sample waves the way <c>strata demo</c> feeds them.</summary>
internal static class DemoLake
{
    public static readonly string[] Waves = ["01-first-drops", "02-late-and-drifted", "03-customers-update"];

    public static async Task<(TestLake Lake, TestPipelines Pipelines)> CreateAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var pipelines = new TestPipelines().Copy(RepoPaths.Combine("pipelines", "sweepstakes"));
        return (await TestLake.CreateAsync(azurite, pipelines.Root, settings), pipelines);
    }

    /// <summary>Lands every file of a wave (its path under the wave folder is its landing name) and runs the pipeline.</summary>
    public static async Task<RunSummary> RunWaveAsync(TestLake lake, string wave)
    {
        var folder = RepoPaths.Combine("samples", wave);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await lake.LandAsync(Path.GetRelativePath(folder, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file));
        }

        var run = await lake.RunAsync("sweepstakes");
        Assert.Equal(RunStatus.Completed, run.Status);
        return run;
    }

    /// <summary>
    /// Runs every wave on a fresh lake; after each, downloads the table containers and calls
    /// <paramref name="check"/> for every source and dataset (each a table folder).
    /// </summary>
    public static async Task ForEachWaveAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings, Func<TestLake, LakeFolders, string, string, Task> check)
    {
        var (lake, pipelines) = await CreateAsync(azurite, settings);
        await using (lake)
        using (pipelines)
        {
            foreach (var wave in Waves)
            {
                await RunWaveAsync(lake, wave);
                using var folders = await new LakeFolders(lake).DownloadAsync(LakeContainers.Load, LakeContainers.Integrate, LakeContainers.Products);
                foreach (var table in Tables(lake))
                {
                    await check(lake, folders, wave, table);
                }
            }
        }
    }

    /// <summary>Every source and dataset of the pipeline: each is a table folder.</summary>
    public static IReadOnlyList<string> Tables(TestLake lake)
    {
        var pipeline = lake.Get<PipelineCatalog>().Get("sweepstakes");
        return [.. pipeline.Sources.Select(s => s.Name), .. pipeline.Datasets.Select(d => d.Name)];
    }
}
