using Strata.Testing;

namespace Strata.Functions.Tests.TestSupport;

/// <summary>
/// Two lakes of the sample pipeline with the same PII key and batch size, in their own namespaces:
/// <see cref="Durable"/> for the Durable host under test, <see cref="Local"/> for the local host
/// whose commits it must equal (the key is part of every load fingerprint, so it must be shared).
/// </summary>
public sealed class TwinLakes : IAsyncDisposable
{
    private readonly TestPipelines _pipelines;

    private TwinLakes(TestPipelines pipelines, TestLake durable, TestLake local)
    {
        _pipelines = pipelines;
        Durable = durable;
        Local = local;
    }

    public TestLake Durable { get; }

    public TestLake Local { get; }

    public static async Task<TwinLakes> CreateAsync(AzuriteFixture azurite, int batchSize, int partitionsPerActivity = 100)
    {
        var pipelines = SampleWaves.Pipelines();
        var settings = new Dictionary<string, string?>
        {
            ["Strata:Workflow:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Strata:Workflow:PartitionsPerActivity"] = partitionsPerActivity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var durable = await TestLake.CreateAsync(azurite, pipelines.Root, settings);
        settings["Strata:Pii:Key"] = durable.Settings["Strata:Pii:Key"];
        return new TwinLakes(pipelines, durable, await TestLake.CreateAsync(azurite, pipelines.Root, settings));
    }

    /// <summary>Drops a sample wave into both lakes' landing containers.</summary>
    public async Task DropAsync(string wave)
    {
        await SampleWaves.DropAsync(Durable, wave);
        await SampleWaves.DropAsync(Local, wave);
    }

    /// <summary>Runs the local host on its lake, then compares every committed partition of both lakes.</summary>
    public async Task AssertDurableCommittedWhatLocalCommitsAsync()
    {
        await Local.RunAsync(SampleWaves.Pipeline);
        Assert.Equal(await SampleWaves.CommittedAsync(Local), await SampleWaves.CommittedAsync(Durable));
    }

    public async ValueTask DisposeAsync()
    {
        await Durable.DisposeAsync();
        await Local.DisposeAsync();
        _pipelines.Dispose();
    }
}
