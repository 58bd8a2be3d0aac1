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

    /// <summary>
    /// Copies a blob inside the storage account (the bytes never travel through this process):
    /// for outputs whose bytes are an existing blob's, such as a load partition of one fragment.
    /// Same-account copies complete at once; the wait covers a copy the service runs in the background.
    /// </summary>
    public static async Task CopyAsync(BlobClient source, BlobContainerClient container, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(container);
        var copy = await container.GetBlobClient(name).StartCopyFromUriAsync(source.Uri, new BlobCopyFromUriOptions(), ct);

        // A copy that finished says so in its answer (x-ms-copy-status: success); polling it would cost a request per blob.
        if (!copy.GetRawResponse().Headers.TryGetValue("x-ms-copy-status", out var status) || !string.Equals(status, "success", StringComparison.OrdinalIgnoreCase))
        {
            await copy.WaitForCompletionAsync(ct);
        }
    }
}
