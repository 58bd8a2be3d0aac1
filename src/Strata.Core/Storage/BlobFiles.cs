using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Strata.Storage;

/// <summary>Moves blobs to and from local temp files: data of unknown size never sits in memory.</summary>
public static class BlobFiles
{
    public static async Task DownloadAsync(BlobContainerClient container, string name, string localPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(container);
        await container.GetBlobClient(name).DownloadToAsync(localPath, ct);
    }

    public static async Task UploadAsync(BlobContainerClient container, string name, string localPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(container);
        await container.GetBlobClient(name).UploadAsync(localPath, new BlobUploadOptions(), ct);
    }
}
