using DurableTask.AzureStorage;

namespace Strata.Functions.TestWorker;

/// <summary>
/// The production backend of Durable Functions — the Durable Task Framework's Azure Storage
/// provider — on one task hub of an Azurite account, with timings shortened so a test sees a
/// killed worker's partitions and messages taken over in seconds rather than minutes.
/// </summary>
public static class AzureStorageBackend
{
    public static AzureStorageOrchestrationService Create(string connectionString, string taskHub, string workerId) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            WorkerId = workerId,
            PartitionCount = 2,

            // Starting an instance that is in a dedupe status throws "already exists", as the Functions
            // host does for isolated apps, instead of dropping the request silently.
            ThrowExceptionOnInvalidDedupeStatus = true,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
            LeaseInterval = TimeSpan.FromSeconds(6),
            LeaseRenewInterval = TimeSpan.FromSeconds(2),
            LeaseAcquireInterval = TimeSpan.FromSeconds(2),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(15),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(15),
            MaxConcurrentTaskActivityWorkItems = 4,
        });
}
