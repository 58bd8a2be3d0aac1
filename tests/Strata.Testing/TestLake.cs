using System.Security.Cryptography;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Strata.Definitions;
using Strata.Hosting;
using Strata.Land;
using Strata.Partitions;
using Strata.Planning;
using Strata.Runs;
using Strata.Storage;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Testing;

/// <summary>
/// A whole Strata, isolated for one test: its own storage namespace on the shared Azurite, its
/// own pipelines folder and PII key, the core and the local host. Rebuild it with
/// <see cref="ReopenAsync"/> after editing definitions — as a redeploy would — keeping the lake.
/// </summary>
public sealed class TestLake : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite;
    private readonly string _namespace;
    private readonly Dictionary<string, string?> _settings;
    private readonly HttpPipelinePolicy? _observer;
    private ServiceProvider _services;

    private TestLake(AzuriteFixture azurite, string pipelinesFolder, string ns, Dictionary<string, string?> settings, HttpPipelinePolicy? observer = null)
    {
        _azurite = azurite;
        _observer = observer;
        _namespace = ns;
        _settings = settings;
        PipelinesFolder = pipelinesFolder;
        _services = Build();
    }

    public string PipelinesFolder { get; }

    public string Namespace => _namespace;

    /// <summary>The configuration this lake's services are built from (storage, namespace, pipelines, PII key, overrides): another host of the same lake uses these.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public LocalWorkflowHost Host => Get<LocalWorkflowHost>();

    public LakeStorage Storage => Get<LakeStorage>();

    /// <summary>Creates the lake; <paramref name="settings"/> override configuration keys (e.g. <c>Strata:Workflow:BatchSize</c>).</summary>
    /// <param name="azurite">The shared emulator.</param>
    /// <param name="pipelinesFolder">The pipeline definitions.</param>
    /// <param name="settings">Configuration overrides.</param>
    /// <param name="observer">A policy that sees every storage request and response (to count bytes read, say).</param>
    public static async Task<TestLake> CreateAsync(AzuriteFixture azurite, string pipelinesFolder, IDictionary<string, string?>? settings = null, HttpPipelinePolicy? observer = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var ns = "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var all = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Strata:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Strata:Storage:Namespace"] = ns,
            ["Strata:Pipelines:Folder"] = pipelinesFolder,
            ["Strata:Pii:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Strata:Workflow:FirstRetryInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var lake = new TestLake(azurite, pipelinesFolder, ns, all, observer);
        await lake.Storage.EnsureCreatedAsync(CancellationToken.None);
        return lake;
    }

    /// <summary>Rebuilds every service from the (possibly edited) definitions and settings; the lake stays.</summary>
    public async Task ReopenAsync(IDictionary<string, string?>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        await _services.DisposeAsync();
        _services = Build();
    }

    /// <summary>Puts a file into landing and lands it.</summary>
    public async Task<LandResult> LandAsync(string landingName, string content) =>
        await LandAsync(landingName, System.Text.Encoding.UTF8.GetBytes(content));

    public async Task<LandResult> LandAsync(string landingName, byte[] content)
    {
        await Storage.Container(LakeContainers.Landing).GetBlobClient(landingName).UploadAsync(new BinaryData(content), overwrite: true);
        return await Get<Lander>().LandAsync(landingName, CancellationToken.None);
    }

    /// <summary>Runs a pipeline to the end and returns the (last) run's summary.</summary>
    public async Task<RunSummary> RunAsync(string pipeline, bool force = false, CancellationToken ct = default) =>
        (await Host.RunAsync(new RunRequest(pipeline, force), ct))[^1];

    public Task<PipelinePlan> PlanAsync(string pipeline) => Get<PipelinePlanner>().PlanAsync(new RunRequest(pipeline), CancellationToken.None);

    public Task<PartitionRecord?> PartitionAsync(string dataset, string partition) => Get<PartitionStore>().GetAsync(dataset, partition, CancellationToken.None);

    /// <summary>Downloads a blob to a temp file (deleted with the process's temp folder) and returns its path.</summary>
    public async Task<string> DownloadAsync(string container, string blob)
    {
        var local = Path.Combine(Path.GetTempPath(), $"strata-test-{Guid.NewGuid():N}{Path.GetExtension(blob)}");
        await Storage.Container(container).GetBlobClient(blob).DownloadToAsync(local);
        return local;
    }

    /// <summary>Reads a committed partition's rows back with DuckDB.</summary>
    public async Task<List<Dictionary<string, object?>>> ReadAsync(string dataset, string partition, string? orderBy = null)
    {
        var record = await PartitionAsync(dataset, partition) ?? throw new InvalidOperationException($"{dataset}/{partition} is not committed");
        var local = await DownloadAsync(LakeContainers.ForOutput(Get<PipelineCatalog>(), dataset), record.OutputPath);
        return DuckDbReader.Query($"SELECT * FROM read_parquet({DuckDbReader.Quote(local)}){(orderBy is null ? "" : $" ORDER BY {orderBy}")}");
    }

    /// <summary>Every blob name in a container of this lake.</summary>
    public async Task<List<string>> BlobsAsync(string container, string? prefix = null)
    {
        var names = new List<string>();
        await foreach (var blob in Storage.Container(container).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        var blobs = new BlobServiceClient(_azurite.ConnectionString);
        foreach (var container in LakeContainers.All)
        {
            await blobs.GetBlobContainerClient($"{_namespace}-{container}").DeleteIfExistsAsync();
        }
    }

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddStrataCore(configuration)
            .AddStrataLocalHost();
        if (_observer is { } observer)
        {
            services.AddSingleton(sp => new LakeStorage(sp.GetRequiredService<IOptions<StorageOptions>>().Value, observer));
        }

        return services.BuildServiceProvider();
    }
}
