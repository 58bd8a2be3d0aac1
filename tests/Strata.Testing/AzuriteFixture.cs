using Strata.Storage.Azurite;
using Xunit;

namespace Strata.Testing;

/// <summary>
/// One real Azurite for a test assembly: installed from the pinned package.json if needed,
/// started on free loopback ports with a temp data folder, stopped and deleted at the end.
/// Tests isolate themselves with a storage namespace each (see <see cref="TestLake"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"strata-azurite-{Guid.NewGuid():N}");
    private EmbeddedAzurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started");

    public async Task InitializeAsync() => _azurite = await EmbeddedAzurite.StartAsync(_folder, null, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Azurite may still hold a file for a moment; the temp folder is the OS's to clean.
        }
    }
}
