using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Strata.Definitions;
using Strata.Functions.Lake;
using Strata.Functions.Tests.TestSupport;
using Strata.Lake.Gc;
using Strata.Partitions;
using Strata.Storage;
using Strata.Testing;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Tests.Lake;

/// <summary>The app's gc timer function, called as the host calls it, after runs of the app's orchestrators.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GcFunctionTests(AzuriteFixture azurite) : DurableSampleTest(azurite)
{
    [Fact]
    public async Task GcTimer_AfterRuns_DeletesAnOrphanedOutputAndKeepsEveryCommittedFile()
    {
        await SampleWaves.DropAsync(Lake, SampleWaves.Waves[0]);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await Durable.RunAsync(new RunRequest(SampleWaves.Pipeline, Trigger: "test"))).RuntimeStatus);
        var source = Lake.Get<PipelineCatalog>().Get(SampleWaves.Pipeline).Sources[0].Name;
        var committed = await CommittedFilesAsync(source);
        Assert.NotEmpty(committed);

        // A build that crashed between its upload and its commit leaves a file nothing references.
        var orphan = $"{source}/orphan=1/part-crashed-r9.parquet";
        await Lake.Storage.Container(LakeContainers.Load).GetBlobClient(orphan).UploadAsync(BinaryData.FromString("not committed"));
        await Lake.ReopenAsync(new Dictionary<string, string?> { ["Strata:Lake:GcGraceAge"] = "00:00:00" });

        await new GcFunction(Lake.Get<GarbageCollector>()).RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.False((await Lake.Storage.Container(LakeContainers.Load).GetBlobClient(orphan).ExistsAsync()).Value);
        foreach (var path in committed)
        {
            Assert.True((await Lake.Storage.Container(LakeContainers.Load).GetBlobClient(path).ExistsAsync()).Value, path);
        }

        Assert.Equal(committed, await CommittedFilesAsync(source));
    }

    private async Task<IReadOnlyList<string>> CommittedFilesAsync(string source)
    {
        var files = new List<string>();
        await foreach (var record in Lake.Get<PartitionStore>().ListAsync(source, CancellationToken.None))
        {
            files.Add(record.OutputPath);
        }

        return files.Order(StringComparer.Ordinal).ToList();
    }
}
