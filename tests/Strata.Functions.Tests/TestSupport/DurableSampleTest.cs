using Strata.Testing;

namespace Strata.Functions.Tests.TestSupport;

/// <summary>A test class whose every test gets a fresh lake of the sample pipeline and the app's orchestrators on the Durable worker over it.</summary>
public abstract class DurableSampleTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected TestPipelines Pipelines { get; } = SampleWaves.Pipelines();

    protected TestLake Lake { get; private set; } = null!;

    protected DurableLake Durable { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Lake = await TestLake.CreateAsync(Azurite, Pipelines.Root);
        Durable = await DurableLake.StartAsync(Lake);
    }

    public async Task DisposeAsync()
    {
        await Durable.DisposeAsync();
        await Lake.DisposeAsync();
        Pipelines.Dispose();
    }
}
