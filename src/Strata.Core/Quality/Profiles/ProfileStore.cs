using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Strata.Storage;

namespace Strata.Quality.Profiles;

/// <summary>
/// Partition profiles, next to schema versions in <see cref="StrataTables.Schemas"/>: one
/// <c>profile|&lt;partition&gt;</c> row per partition of a source or dataset (its latest build
/// replaces it). The row stays bounded: a profile whose JSON is longer than
/// <see cref="InlineChars"/> is written as a blob, <c>profiles/&lt;dataset&gt;/&lt;hash&gt;.json</c>
/// in Strata's own container, and the row holds <c>@&lt;blob name&gt;</c>.
/// </summary>
public sealed class ProfileStore(LakeStorage storage)
{
    /// <summary>The longest profile JSON kept in a row: well under Table Storage's 32K-character property.</summary>
    public const int InlineChars = 16_000;

    internal const string Prefix = "profile|";
    private const char BlobMark = '@';
    private readonly TableClient _table = storage.Table(StrataTables.Schemas);

    /// <summary>
    /// Saves many profiles: a dataset's rows share a table partition, so they go in entity-group
    /// transactions of up to 100 (one request per 100 partitions a batch built, not one each).
    /// </summary>
    public async Task SaveAllAsync(IReadOnlyList<PartitionProfile> profiles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        foreach (var dataset in profiles.GroupBy(p => p.Dataset, StringComparer.Ordinal))
        {
            var actions = new List<TableTransactionAction>();
            foreach (var profile in dataset.DistinctBy(p => p.Partition, StringComparer.Ordinal))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, await ToEntityAsync(profile, ct)));
            }

            await TableRanges.SubmitInBatchesAsync(_table, actions, ct);
        }
    }

    private async Task<TableEntity> ToEntityAsync(PartitionProfile profile, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(profile, StrataJson.Options);
        if (json.Length > InlineChars)
        {
            var name = $"profiles/{profile.Dataset}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}.json";
            await storage.Container(LakeContainers.Internal).GetBlobClient(name).UploadAsync(BinaryData.FromString(json), overwrite: true, ct);
            json = BlobMark + name;
        }

        return new TableEntity(profile.Dataset, Prefix + profile.Partition)
        {
            ["Rows"] = profile.Rows,
            ["Profile"] = json,
            ["RunId"] = profile.RunId,
            ["ProfiledAt"] = profile.ProfiledAt,
        };
    }

    /// <summary>The profile of one partition, or null when it has none.</summary>
    public async Task<PartitionProfile?> GetAsync(string dataset, string partition, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, dataset, Prefix + partition, ct) is { } e ? await LoadAsync(e, ct) : null;

    /// <summary>
    /// Every profile of a dataset in partition-key order: one range query (partition keys sort in
    /// time order for date and hour grains). Profiles are small; a dataset of years of daily
    /// partitions reads a few megabytes, once per run that builds any of it.
    /// </summary>
    public async Task<IReadOnlyList<PartitionProfile>> AllAsync(string dataset, CancellationToken ct)
    {
        var list = new List<PartitionProfile>();
        await foreach (var e in TableRanges.Prefix(_table, dataset, Prefix, ct: ct))
        {
            list.Add(await LoadAsync(e, ct));
        }

        return list;
    }

    private async Task<PartitionProfile> LoadAsync(TableEntity e, CancellationToken ct)
    {
        var json = e.GetString("Profile") ?? "";
        if (json.Length > 0 && json[0] == BlobMark)
        {
            json = (await storage.Container(LakeContainers.Internal).GetBlobClient(json[1..]).DownloadContentAsync(ct)).Value.Content.ToString();
        }

        return JsonSerializer.Deserialize<PartitionProfile>(json, StrataJson.Options)
            ?? throw new InvalidOperationException($"the profile of {e.PartitionKey} {e.RowKey} in {StrataTables.Schemas} is empty");
    }
}
