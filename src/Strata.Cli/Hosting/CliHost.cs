using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Definitions;
using Strata.Hosting;
using Strata.Security;
using Strata.Storage;
using Strata.Storage.Azurite;

namespace Strata.Cli.Hosting;

/// <summary>
/// The process a command runs in: configuration from the environment (<c>Strata__*</c>), checked
/// before anything starts (<see cref="SettingsCheck"/>); the embedded Azurite when no storage is
/// configured (data under <c>&lt;data&gt;/azurite</c>, so a second run sees the first); a generated
/// demo PII key under <c>&lt;data&gt;</c> only when no key is configured and some source tokenises;
/// and the core plus the local workflow host.
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
    /// <exception cref="SettingsException">A setting is wrong.</exception>
    public static async Task<CliHost> StartAsync(CliSettings settings, CancellationToken ct, IReadOnlyDictionary<string, string?>? settingsOverrides = null, TimeProvider? time = null)
    {
        var overrides = new Dictionary<string, string?>(settingsOverrides ?? new Dictionary<string, string?>());
        var environment = Configuration(overrides);
        overrides[$"{PipelineOptions.Section}:Folder"] = settings.Pipelines ?? ToolFiles.DefaultPipelines(environment[$"{PipelineOptions.Section}:Folder"] ?? new PipelineOptions().Folder);
        var demoKey = string.IsNullOrEmpty(environment[$"{PiiOptions.Section}:Key"]) && string.IsNullOrEmpty(environment[$"{PiiOptions.Section}:KeyFile"])
            ? Path.GetFullPath(Path.Combine(settings.DataFolder, "pii.key"))
            : null;
        if (demoKey is not null)
        {
            // The demo's key: random, local, never committed (.strata/ is git-ignored); written below only if a source tokenises.
            overrides[$"{PiiOptions.Section}:KeyFile"] = demoKey;
        }

        SettingsCheck.Validate(Configuration(overrides));
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

            azurite = await EmbeddedAzurite.StartAsync(folder, ToolFiles.NodeToolsRoot(settings.DataFolder), ct);
            overrides[$"{StorageOptions.Section}:ConnectionString"] = azurite.ConnectionString;
            description = $"embedded Azurite (data in {Path.GetRelativePath(Directory.GetCurrentDirectory(), folder)})";
        }

        var configuration = Configuration(overrides);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.AddCliConsole(settings.Verbose && settings.LogInformation, runEvents: settings.LogInformation))
            .AddStrataCore(configuration)
            .AddStrataLocalHost();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var provider = services.BuildServiceProvider();
        try
        {
            if (demoKey is not null && provider.GetRequiredService<PipelineCatalog>().Pipelines.Any(NeedsPiiKey))
            {
                PiiKey.EnsureKeyFile(demoKey);
            }

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

    private static bool NeedsPiiKey(PipelineDefinition pipeline) => pipeline.Sources.Any(s => s.Pii.Any(r => r.Action == PiiAction.Tokenise));

    private static IConfigurationRoot Configuration(IReadOnlyDictionary<string, string?> overrides) =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
}
