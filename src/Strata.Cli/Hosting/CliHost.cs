using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Hosting;
using Strata.Security;
using Strata.Storage;
using Strata.Storage.Azurite;

namespace Strata.Cli.Hosting;

/// <summary>
/// The process a command runs in: configuration from the environment (<c>Strata__*</c>), the
/// embedded Azurite when no storage is configured (data under <c>.strata/azurite</c>, so a
/// second run sees the first), a generated demo PII key when none is configured, and the core
/// plus the local workflow host.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly EmbeddedAzurite? _azurite;

    private CliHost(ServiceProvider services, EmbeddedAzurite? azurite, string storageDescription)
    {
        _services = services;
        _azurite = azurite;
        StorageDescription = storageDescription;
    }

    public string StorageDescription { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// Starts the host; <paramref name="settingsOverrides"/> are layered over the environment (tests use them instead of
    /// process-wide variables), and <paramref name="time"/> replaces the system clock (tests drive schedules with it).
    /// </summary>
    public static async Task<CliHost> StartAsync(CliSettings settings, CancellationToken ct, IReadOnlyDictionary<string, string?>? settingsOverrides = null, TimeProvider? time = null)
    {
        var given = settingsOverrides ?? new Dictionary<string, string?>();
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(given).Build();
        var overrides = new Dictionary<string, string?>(given);
        var storage = environment.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        EmbeddedAzurite? azurite = null;
        string description;
        if (storage.IsConfigured)
        {
            description = storage.ConnectionString is not null ? "the storage in Strata__Storage__ConnectionString" : $"{storage.BlobServiceUri}";
        }
        else
        {
            var folder = Path.GetFullPath(Path.Combine(settings.DataFolder, "azurite"));
            if (settings.Fresh && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            azurite = await EmbeddedAzurite.StartAsync(folder, null, ct);
            overrides[$"{StorageOptions.Section}:ConnectionString"] = azurite.ConnectionString;
            description = $"embedded Azurite (data in {Path.GetRelativePath(Directory.GetCurrentDirectory(), folder)})";
        }

        if (string.IsNullOrEmpty(environment[$"{PiiOptions.Section}:Key"]) && string.IsNullOrEmpty(environment[$"{PiiOptions.Section}:KeyFile"]))
        {
            // The demo's key: random, local, never committed (.strata/ is git-ignored).
            var keyFile = Path.GetFullPath(Path.Combine(settings.DataFolder, "pii.key"));
            PiiKey.EnsureKeyFile(keyFile);
            overrides[$"{PiiOptions.Section}:KeyFile"] = keyFile;
        }

        if (settings.Pipelines is not null)
        {
            overrides[$"{PipelineOptions.Section}:Folder"] = settings.Pipelines;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(settings.Verbose ? LogLevel.Information : LogLevel.Warning))
            .AddStrataCore(configuration)
            .AddStrataLocalHost();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<LakeStorage>().EnsureCreatedAsync(ct);
        }
        catch
        {
            await provider.DisposeAsync();
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }

        return new CliHost(provider, azurite, description);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
