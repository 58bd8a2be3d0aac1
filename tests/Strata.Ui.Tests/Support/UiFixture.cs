using Strata.Testing;

namespace Strata.Ui.Tests.Support;

/// <summary>
/// What every UI test shares: one Azurite, one Chromium, and the demo lake most pages are read
/// from — waves 01 and 02 landed and run, wave 03 (a customers update) landed but not yet run,
/// so the graph and plan have something stale to show. Tests that change the lake make their own.
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();

    public HeadlessChromium Browser { get; private set; } = null!;

    public DemoServer Demo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Browser = await HeadlessChromium.LaunchAsync();
        await Azurite.InitializeAsync();
        Demo = await DemoServer.StartAsync(Azurite, landed: 3, run: 2);
    }

    public async Task DisposeAsync()
    {
        if (Demo is not null)
        {
            await Demo.DisposeAsync();
        }

        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        await Azurite.DisposeAsync();
    }
}

/// <summary>The UI tests run one at a time over one <see cref="UiFixture"/>: a browser and a lake are costly to start.</summary>
[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "ui";
}
