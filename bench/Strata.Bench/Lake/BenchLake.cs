using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Strata.Hosting;
using Strata.Storage;

namespace Strata.Bench.Lake;

/// <summary>The core and local host over one Azurite, in a storage namespace of its own, with a request counter.</summary>
internal sealed class BenchLake : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BenchLake(string connectionString, string ns, string pipelinesFolder, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Strata:Storage:ConnectionString"] = connectionString,
            ["Strata:Storage:Namespace"] = ns,
            ["Strata:Pipelines:Folder"] = pipelinesFolder,
            ["Strata:Pii:Key"] = Convert.ToBase64String("bench key: not a secret, 32 bytes"u8),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddStrataCore(configuration)
            .AddStrataLocalHost()
            .AddSingleton(Counter)
            .AddSingleton(sp => new LakeStorage(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<CountingPolicy>()))
            .BuildServiceProvider();
    }

    public CountingPolicy Counter { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
