using System.Text.Json;
using Azure.Storage.Blobs;
using Strata.Load.Schema;
using Strata.Storage;

namespace Strata.Schemas;

/// <summary>
/// How a schema is kept in a table row without the row growing with the column count. A schema
/// whose JSON fits <see cref="InlineChars"/> (about 150 columns) is stored in the row as it is; a
/// wider one is written once as a blob named by its content hash,
/// <c>schemas/&lt;source&gt;/&lt;hash&gt;.json</c> in Strata's own container (outside every folder a
/// reader is given, and outside <c>gc</c>'s reach), and the row holds <c>@&lt;blob name&gt;</c>.
/// Blobs are immutable (same hash, same bytes), so a retried write is harmless and any number of
/// rows can share one. Rows written before this existed hold JSON, which still reads.
/// </summary>
public sealed class SchemaDocuments(LakeStorage storage)
{
    /// <summary>The longest schema JSON kept in a table row: well under Table Storage's 32K-character property.</summary>
    public const int InlineChars = 8_000;

    private const char BlobMark = '@';

    /// <summary>The blob a wide schema of <paramref name="source"/> is stored in.</summary>
    public static string BlobName(string source, string hash) => $"schemas/{source}/{hash}.json";

    /// <summary>The text to store in a row for <paramref name="schema"/>: its JSON, or a reference to the blob now holding it.</summary>
    public async Task<string> StoreAsync(string source, SourceSchema schema, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var json = JsonSerializer.Serialize(schema, StrataJson.Options);
        if (json.Length <= InlineChars)
        {
            return json;
        }

        var name = BlobName(source, schema.Hash);
        var blob = Container.GetBlobClient(name);
        if (!await blob.ExistsAsync(ct))
        {
            await blob.UploadAsync(BinaryData.FromString(json), overwrite: true, ct);
        }

        return BlobMark + name;
    }

    /// <summary>The schema a row's stored text describes (an empty schema for none).</summary>
    public async Task<SourceSchema> LoadAsync(string? stored, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return SourceSchema.Empty;
        }

        if (stored[0] != BlobMark)
        {
            return Parse(stored);
        }

        var content = await Container.GetBlobClient(stored[1..]).DownloadContentAsync(ct);
        return Parse(content.Value.Content.ToString());
    }

    private BlobContainerClient Container => storage.Container(LakeContainers.Internal);

    private static SourceSchema Parse(string json) => JsonSerializer.Deserialize<SourceSchema>(json, StrataJson.Options) ?? SourceSchema.Empty;
}
