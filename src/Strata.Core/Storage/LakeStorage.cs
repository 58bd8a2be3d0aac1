using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Strata.Storage;

/// <summary>
/// The lake's clients: one blob service and one table service, built once from
/// <see cref="StorageOptions"/>. Connection strings are for Azurite; URIs use
/// <see cref="DefaultAzureCredential"/>, so production never handles an account key.
/// </summary>
public sealed class LakeStorage
{
    private readonly BlobServiceClient _blobs;
    private readonly TableServiceClient _tables;
    private readonly string _namespace;

    /// <param name="options">Where the lake is.</param>
    /// <param name="observer">An extra pipeline policy on every request (benchmarks count requests and rows with it); none in production.</param>
    /// <param name="time">The clock the outage bound is measured with; default the system clock.</param>
    public LakeStorage(StorageOptions options, HttpPipelinePolicy? observer = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!options.IsConfigured)
        {
            throw new StorageUnavailableException("no storage is configured: set Strata__Storage__ConnectionString, or Strata__Storage__BlobServiceUri and Strata__Storage__TableServiceUri");
        }

        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        var outage = new StorageOutage(options.UnreachableTimeout, time ?? TimeProvider.System);
        foreach (var clientOptions in new ClientOptions[] { blobOptions, tableOptions })
        {
            clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
            clientOptions.AddPolicy(outage, HttpPipelinePosition.PerRetry);
        }

        if (observer is not null)
        {
            blobOptions.AddPolicy(observer, HttpPipelinePosition.PerCall);
            tableOptions.AddPolicy(observer, HttpPipelinePosition.PerCall);
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            _blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            _tables = new TableServiceClient(options.ConnectionString, tableOptions);
        }
        else
        {
            TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ManagedIdentityClientId,
            });
            _blobs = new BlobServiceClient(options.BlobServiceUri, credential, blobOptions);
            _tables = new TableServiceClient(options.TableServiceUri, credential, tableOptions);
        }

        _namespace = options.Namespace ?? "";
        Description = _blobs.Uri + (_namespace.Length > 0 ? $" (namespace {_namespace})" : "");
    }

    /// <summary>The blob endpoint, for messages.</summary>
    public string Description { get; }

    public BlobContainerClient Container(string name) => _blobs.GetBlobContainerClient(ContainerName(name));

    public TableClient Table(string name) => _tables.GetTableClient(TableName(name));

    /// <summary>The container's real name in the account (with the namespace prefix).</summary>
    public string ContainerName(string name) => _namespace.Length == 0 ? name : $"{_namespace}-{name}";

    /// <summary>The table's real name in the account (with the namespace prefix; table names are alphanumeric).</summary>
    public string TableName(string name) => _namespace + name;

    /// <summary>
    /// Creates every container and table that does not exist yet. Idempotent; in Azure, infra has
    /// already created them and this is a cheap check.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(LakeContainers.All.Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: ct)));
            await Task.WhenAll(StrataTables.All.Select(t => _tables.CreateTableIfNotExistsAsync(TableName(t), ct)));
        }
        catch (RequestFailedException e)
        {
            throw new StorageUnavailableException($"could not prepare the lake at {Description}: {e.Status} {e.ErrorCode}. Check the endpoint and that this identity has blob and table data roles.", e);
        }
        catch (AggregateException e) when (e.InnerException is RequestFailedException or HttpRequestException)
        {
            throw new StorageUnavailableException($"could not reach the lake at {Description}: {e.InnerException.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new StorageUnavailableException($"could not reach the lake at {Description}: {e.Message}", e);
        }
    }
}
