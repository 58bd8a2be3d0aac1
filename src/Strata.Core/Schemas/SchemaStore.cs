using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Strata.Load.Schema;
using Strata.Storage;

namespace Strata.Schemas;

/// <summary>
/// Schema versions per source in <see cref="StrataTables.Schemas"/>: <c>~current</c> plus one
/// <c>v|&lt;n:D6&gt;</c> row per version with its drift events. Only the load planner of the
/// source writes here, once per run, merging new blobs' schemas in landing order — so versions
/// are the same whatever order the blobs were parsed in. No row grows with the column count: a
/// wide schema is a blob (<see cref="SchemaDocuments"/>) and a version keeps at most
/// <see cref="BoundedText.ListItems"/> drift events (the rest are counted).
/// </summary>
public sealed class SchemaStore(LakeStorage storage)
{
    private const string CurrentKey = "~current";
    private const string VersionPrefix = "v|";
    private readonly TableClient _table = storage.Table(StrataTables.Schemas);
    private readonly SchemaDocuments _documents = new(storage);

    /// <summary>The current version (0 and an empty schema before the first file).</summary>
    public async Task<(int Version, SourceSchema Schema, string? ETag)> CurrentAsync(string source, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, source, CurrentKey, ct) is { } e
            ? (e.GetInt32("Version") ?? 0, await _documents.LoadAsync(e.GetString("Schema"), ct), e.ETag.ToString())
            : (0, SourceSchema.Empty, null);

    /// <summary>
    /// Merges each incoming schema, in the order given, into the current one; records a version
    /// for each merge that changed something. Returns the resulting version and the new versions.
    /// </summary>
    public async Task<(int Version, IReadOnlyList<SchemaVersion> Added)> EvolveAsync(
        string source, IEnumerable<(SourceSchema Schema, string Cause)> incoming, string runId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var (version, schema, etag) = await CurrentAsync(source, ct);
        var added = new List<SchemaVersion>();
        foreach (var (next, cause) in incoming)
        {
            var merged = SchemaMerger.Merge(schema, next);
            if (merged.Events.Count == 0 && version > 0)
            {
                continue;
            }

            version++;
            schema = merged.Schema;
            // Version 1 is the first schema, not drift.
            var events = version == 1 ? [] : BoundedText.List([.. merged.Events.Select(e => $"{e} (from {cause})")]);
            added.Add(new SchemaVersion(source, version, schema, events, cause, runId, at));
        }

        if (added.Count == 0)
        {
            return (version, added);
        }

        foreach (var v in added)
        {
            await _table.UpsertEntityAsync(new TableEntity(source, $"{VersionPrefix}{v.Version:D6}")
            {
                ["Schema"] = await _documents.StoreAsync(source, v.Schema, ct),
                ["Hash"] = v.Schema.Hash,
                ["Events"] = JsonSerializer.Serialize(v.DriftEvents),
                ["Cause"] = v.Cause,
                ["RunId"] = v.RunId,
                ["CreatedAt"] = v.CreatedAt,
            }, TableUpdateMode.Replace, ct);
        }

        var current = new TableEntity(source, CurrentKey)
        {
            ["Version"] = version,
            ["Hash"] = schema.Hash,
            ["Schema"] = await _documents.StoreAsync(source, schema, ct),
        };
        if (etag is null)
        {
            await _table.AddEntityAsync(current, ct);
        }
        else
        {
            await _table.UpdateEntityAsync(current, new ETag(etag), TableUpdateMode.Replace, ct);
        }

        return (version, added);
    }

    /// <summary>Every version of a source's schema, oldest first.</summary>
    public async Task<IReadOnlyList<SchemaVersion>> VersionsAsync(string source, CancellationToken ct)
    {
        var versions = new List<SchemaVersion>();
        await foreach (var e in TableRanges.Prefix(_table, source, VersionPrefix, ct: ct))
        {
            versions.Add(new SchemaVersion(
                source,
                int.Parse(e.RowKey.AsSpan(VersionPrefix.Length), System.Globalization.CultureInfo.InvariantCulture),
                await _documents.LoadAsync(e.GetString("Schema"), ct),
                JsonSerializer.Deserialize<List<string>>(e.GetString("Events") ?? "[]") ?? [],
                e.GetString("Cause"),
                e.GetString("RunId"),
                e.GetDateTimeOffset("CreatedAt") ?? default));
        }

        return versions;
    }
}
