using Strata.Testing;

namespace Strata.Tests.Workflow;

/// <summary>A test class whose every test gets a fresh lake holding the <see cref="Pipelines.Shop"/> pipeline.</summary>
public abstract class ShopLakeTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected TestPipelines PipelineFolder { get; } = new();

    protected TestLake Lake { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        PipelineFolder.Write("shop", Pipelines.Shop);
        Lake = await TestLake.CreateAsync(azurite, PipelineFolder.Root);
    }

    public async Task DisposeAsync()
    {
        await Lake.DisposeAsync();
        PipelineFolder.Dispose();
    }
}
