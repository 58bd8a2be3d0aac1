using System.Text.Json;
using Azure.Data.Tables;
using Strata.Lake.Delta;

namespace Strata.Lake.Publishing;

/// <summary>How <see cref="LakeStateStore"/>'s rows are keyed and read.</summary>
public sealed partial class LakeStateStore
{
    private static string PendingKey(PendingOutput o) => $"{PendingPrefix}{o.Partition}|{o.FileName}";

    /// <summary>Where a dataset's wide schemas go in Strata's own container.</summary>
    private static string SchemaFolder(string dataset) => $"delta-schemas/{dataset}";

    private async Task<TableEntity> ToEntityAsync(TableState state, CancellationToken ct) => new(state.Dataset, StateKey)
    {
        ["Version"] = state.Version,
        ["Schema"] = await _documents.StoreAsync(SchemaFolder(state.Dataset), state.Schema.ToSchemaString(), ct),
        ["TableId"] = state.TableId,
        ["CreatedTime"] = state.CreatedTime,
        ["LastCheckpoint"] = state.LastCheckpoint,
    };

    private static string TombstoneKey(Tombstone t) =>
        $"{TombstonePrefix}{t.Version:D20}|{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(t.Path)))[..16]}";

    private async Task<DeltaSchema> SchemaAsync(string? stored, CancellationToken ct) =>
        await _documents.LoadAsync(stored, ct) is { } text ? DeltaSchema.Parse(text) : DeltaSchema.Empty;

    private static string Json(IReadOnlyList<string> list) => JsonSerializer.Serialize(list);

    private static List<string> List(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private async Task<TableState> ToStateAsync(TableEntity e, CancellationToken ct) => new()
    {
        Dataset = e.PartitionKey,
        Version = e.GetInt64("Version") ?? -1,
        Schema = await SchemaAsync(e.GetString("Schema"), ct),
        TableId = e.GetString("TableId"),
        CreatedTime = e.GetInt64("CreatedTime") ?? 0,
        LastCheckpoint = e.GetInt64("LastCheckpoint") ?? -1,
        ETag = e.ETag.ToString(),
    };

    private async Task<PendingOutput> ToPendingAsync(TableEntity e, CancellationToken ct) => new()
    {
        Dataset = e.PartitionKey,
        Partition = e.GetString("Partition"),
        Container = e.GetString("Container"),
        Path = e.GetString("Path"),
        Extras = List(e.GetString("Extras")),
        Size = e.GetInt64("Size") ?? 0,
        Rows = e.GetInt64("Rows") ?? 0,
        Columns = await SchemaAsync(e.GetString("Columns"), ct),
        PreviousPath = e.GetString("PreviousPath"),
        PreviousExtras = List(e.GetString("PreviousExtras")),
        Run = e.GetInt64("Run") ?? 0,
        WrittenAt = e.GetDateTimeOffset("WrittenAt") ?? default,
    };
}
