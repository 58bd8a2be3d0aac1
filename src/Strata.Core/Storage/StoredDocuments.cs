using System.Security.Cryptography;
using System.Text;

namespace Strata.Storage;

/// <summary>
/// How a text that grows with a file's width (a schema) is kept in a table row without the row
/// growing: a text of up to <see cref="InlineChars"/> characters is stored in the row as it is; a
/// longer one is written once as a blob of Strata's own container, named by its content hash under
/// the caller's folder, and the row holds <c>@&lt;blob name&gt;</c>. Blobs are immutable (same
/// hash, same bytes), so a retried write is harmless and any number of rows can share one; they
/// are outside every reader's folder and outside <c>gc</c>'s fragment sweep. Stored texts are JSON,
/// which never starts with <c>@</c>, so rows written before a text moved to a blob still read.
/// </summary>
public sealed class StoredDocuments(LakeStorage storage)
{
    /// <summary>The longest text kept in a table row: well under Table Storage's 32K-character property.</summary>
    public const int InlineChars = 8_000;

    private const char BlobMark = '@';

    /// <summary>The text to store in a row for <paramref name="text"/>: itself, or a reference to the blob now holding it (<c>&lt;folder&gt;/&lt;sha256&gt;.json</c>).</summary>
    public async Task<string> StoreAsync(string folder, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= InlineChars)
        {
            return text;
        }

        var name = $"{folder}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}.json";
        var blob = Container.GetBlobClient(name);
        if (!await blob.ExistsAsync(ct))
        {
            await blob.UploadAsync(BinaryData.FromString(text), overwrite: true, ct);
        }

        return BlobMark + name;
    }

    /// <summary>The text a row's stored value stands for (null for none).</summary>
    public async Task<string?> LoadAsync(string? stored, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(stored) || stored[0] != BlobMark)
        {
            return stored;
        }

        return (await Container.GetBlobClient(stored[1..]).DownloadContentAsync(ct)).Value.Content.ToString();
    }

    private Azure.Storage.Blobs.BlobContainerClient Container => storage.Container(LakeContainers.Internal);
}
