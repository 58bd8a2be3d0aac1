using System.Text.Json;
using Azure.Data.Tables;
using Strata.Lake.Delta;

namespace Strata.Lake.Publishing;

/// <summary>How <see cref="LakeStateStore"/>'s rows are keyed and read.</summary>
public sealed partial class LakeStateStore
{
    private static string PendingKey(PendingOutput o) => $"{PendingPrefix}{o.Partition}|{o.FileName}";

    private static TableEntity ToEntity(TableState state) => new(state.Dataset, StateKey)
    {
        ["Version"] = state.Version,
        ["Schema"] = state.Schema.ToSchemaString(),
        ["TableId"] = state.TableId,
        ["CreatedTime"] = state.CreatedTime,
        ["LastCheckpoint"] = state.LastCheckpoint,
    };

    private static string TombstoneKey(Tombstone t) =>
        $"{TombstonePrefix}{t.Version:D20}|{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(t.Path)))[..16]}";

    private static string Json(IReadOnlyList<string> list) => JsonSerializer.Serialize(list);

    private static List<string> List(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static TableState ToState(TableEntity e) => new()
    {
        Dataset = e.PartitionKey,
        Version = e.GetInt64("Version") ?? -1,
        Schema = DeltaSchema.Parse(e.GetString("Schema") ?? DeltaSchema.Empty.ToSchemaString()),
        TableId = e.GetString("TableId"),
        CreatedTime = e.GetInt64("CreatedTime") ?? 0,
        LastCheckpoint = e.GetInt64("LastCheckpoint") ?? -1,
        ETag = e.ETag.ToString(),
    };

    private static PendingOutput ToPending(TableEntity e) => new()
    {
        Dataset = e.PartitionKey,
        Partition = e.GetString("Partition"),
        Container = e.GetString("Container"),
        Path = e.GetString("Path"),
        Extras = List(e.GetString("Extras")),
        Size = e.GetInt64("Size") ?? 0,
        Rows = e.GetInt64("Rows") ?? 0,
        Columns = DeltaSchema.Parse(e.GetString("Columns") ?? DeltaSchema.Empty.ToSchemaString()),
        PreviousPath = e.GetString("PreviousPath"),
        PreviousExtras = List(e.GetString("PreviousExtras")),
        Run = e.GetInt64("Run") ?? 0,
        WrittenAt = e.GetDateTimeOffset("WrittenAt") ?? default,
    };
}
