using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Strata.Storage;

/// <summary>Moves blobs to and from local temp files: data of unknown size never sits in memory.</summary>
public static class BlobFiles
{
    /// <summary>
    /// Uploads go in blocks of at most 8 MiB (the client's default sends up to 256 MiB in one
    /// request), so one request never needs longer than <see cref="StorageOptions.NetworkTimeout"/>
    /// on a slow link, and a hung request is told from a slow one.
    /// </summary>
    public static StorageTransferOptions Blocks { get; } = new()
    {
        InitialTransferSize = 8 * 1024 * 1024,
        MaximumTransferSize = 8 * 1024 * 1024,
    };

    public static async Task DownloadAsync(BlobContainerClient container, string name, string localPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(container);
        await container.GetBlobClient(name).DownloadToAsync(localPath, ct);
    }

    public static async Task UploadAsync(BlobContainerClient container, string name, string localPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(container);
        await container.GetBlobClient(name).UploadAsync(localPath, new BlobUploadOptions { TransferOptions = Blocks }, ct);
    }
}
