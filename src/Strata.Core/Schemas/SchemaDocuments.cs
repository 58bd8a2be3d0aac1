using System.Text.Json;
using Strata.Load.Schema;
using Strata.Storage;

namespace Strata.Schemas;

/// <summary>
/// How a source schema is kept in a table row without the row growing with the column count: its
/// JSON in the row up to about 150 columns, else a content-addressed blob under
/// <c>schemas/&lt;source&gt;/</c> of Strata's own container (see <see cref="StoredDocuments"/>).
/// </summary>
public sealed class SchemaDocuments(LakeStorage storage)
{
    private readonly StoredDocuments _documents = new(storage);

    /// <summary>The text to store in a row for <paramref name="schema"/>: its JSON, or a reference to the blob now holding it.</summary>
    public Task<string> StoreAsync(string source, SourceSchema schema, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return _documents.StoreAsync($"schemas/{source}", JsonSerializer.Serialize(schema, StrataJson.Options), ct);
    }

    /// <summary>The schema a row's stored text describes (an empty schema for none).</summary>
    public async Task<SourceSchema> LoadAsync(string? stored, CancellationToken ct) =>
        await _documents.LoadAsync(stored, ct) is { Length: > 0 } json
            ? JsonSerializer.Deserialize<SourceSchema>(json, StrataJson.Options) ?? SourceSchema.Empty
            : SourceSchema.Empty;
}
