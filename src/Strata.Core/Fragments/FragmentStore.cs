using Azure.Data.Tables;
using Strata.Load.Schema;
using Strata.Schemas;
using Strata.Storage;

namespace Strata.Fragments;

/// <summary>
/// Parsed fragments in <see cref="StrataTables.Fragments"/>, one table partition per
/// (source, load spec):
/// <list type="bullet">
/// <item><c>p|&lt;partition&gt;|&lt;sha&gt;</c> — a fragment, found by partition (assembling a load partition);</item>
/// <item><c>bp|&lt;sha&gt;|&lt;partition&gt;</c> — the same, found by raw blob (what a new file touches, lineage);</item>
/// <item><c>b|&lt;sha&gt;</c> — the blob's header, written last as the commit marker;</item>
/// <item><c>a|&lt;sha&gt;</c> — how many times the blob's parse failed (see <see cref="Load.LoadEngineOptions.MaxParseAttempts"/>).</item>
/// </list>
/// Every row has a bounded size: a wide file's schema is a blob (<see cref="SchemaDocuments"/>),
/// file errors are cut to <see cref="BoundedText.MessageChars"/>.
/// </summary>
public sealed class FragmentStore(LakeStorage storage)
{
    private readonly TableClient _table = storage.Table(StrataTables.Fragments);
    private readonly SchemaDocuments _documents = new(storage);

    /// <summary>The text a header stores for a parse's schema (JSON, or a blob reference for a wide one).</summary>
    public Task<string> StoreSchemaAsync(string source, SourceSchema schema, CancellationToken ct) => _documents.StoreAsync(source, schema, ct);

    /// <summary>The schema a header recorded.</summary>
    public Task<SourceSchema> SchemaOfAsync(FragmentHeader header, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(header);
        return _documents.LoadAsync(header.StoredSchema, ct);
    }

    public async Task<FragmentHeader?> GetHeaderAsync(string source, string specKey, string sha, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, Key(source, specKey), "b|" + sha, ct) is { } e ? ToHeader(e, source, specKey) : null;

    /// <summary>Writes the fragment rows, then the header. A crash before the header leaves rows that planning ignores and a retry overwrites.</summary>
    public async Task CommitParseAsync(FragmentHeader header, IReadOnlyList<FragmentRef> fragments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(fragments);
        var pk = Key(header.Source, header.SpecKey);
        await TableRanges.SubmitInBatchesAsync(_table, fragments.SelectMany(f => new[]
        {
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(pk, $"p|{f.Partition}|{f.Sha256}", f)),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(pk, $"bp|{f.Sha256}|{f.Partition}", f)),
        }), ct);

        await _table.UpsertEntityAsync(new TableEntity(pk, "b|" + header.Sha256)
        {
            ["RawPath"] = header.RawPath,
            ["Seq"] = header.Sequence,
            ["Schema"] = header.StoredSchema,
            ["RowsRead"] = header.RowsRead,
            ["RowsLoaded"] = header.RowsLoaded,
            ["RowsQuarantined"] = header.RowsQuarantined,
            ["Partitions"] = header.Partitions,
            ["FileError"] = header.FileError is null ? null : BoundedText.Message(header.FileError),
            ["QuarantinePath"] = header.QuarantinePath,
            ["FragmentColumns"] = header.FragmentColumns,
            ["FragmentSchema"] = header.FragmentSchema,
            ["RunId"] = header.RunId,
            ["ParsedAt"] = header.ParsedAt,
        }, TableUpdateMode.Replace, ct);
    }

    /// <summary>Counts one more failed parse of a raw blob under a load spec (row <c>a|&lt;sha&gt;</c>) and returns the count.</summary>
    public async Task<int> RecordParseFailureAsync(string source, string specKey, string sha, string error, string runId, DateTimeOffset at, CancellationToken ct)
    {
        var pk = Key(source, specKey);
        var attempts = ((await TableRanges.FindAsync(_table, pk, "a|" + sha, ct))?.GetInt32("Attempts") ?? 0) + 1;
        await _table.UpsertEntityAsync(new TableEntity(pk, "a|" + sha)
        {
            ["Attempts"] = attempts,
            ["Error"] = BoundedText.Message(error),
            ["RunId"] = runId,
            ["FailedAt"] = at,
        }, TableUpdateMode.Replace, ct);
        return attempts;
    }

    /// <summary>Fragments of one partition from every parsed blob (only blobs whose header exists should be trusted).</summary>
    public async Task<IReadOnlyList<FragmentRef>> ForPartitionAsync(string source, string specKey, string partition, CancellationToken ct)
    {
        var list = new List<FragmentRef>();
        await foreach (var e in TableRanges.Prefix(_table, Key(source, specKey), $"p|{partition}|", ct: ct))
        {
            list.Add(ToRef(e));
        }

        return list;
    }

    /// <summary>
    /// Fragments of many partitions from every parsed blob, by partition (partitions with none are
    /// absent): one range read between the smallest and the largest key, as
    /// <see cref="Partitions.PartitionStore.GetManyAsync"/> reads commits, instead of one range per
    /// partition. Fragments of partitions in between that were not asked for are read and dropped.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, List<FragmentRef>>> ForPartitionsAsync(string source, string specKey, IReadOnlyCollection<string> partitions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var found = new Dictionary<string, List<FragmentRef>>(StringComparer.Ordinal);
        if (partitions.Count == 0)
        {
            return found;
        }

        var wanted = partitions.ToHashSet(StringComparer.Ordinal);

        // Bounds over the row-key prefixes, not the keys: "p|a|…" sorts after "p|ab|…".
        var prefixes = partitions.Select(p => $"p|{p}|").ToList();
        var (from, to) = (prefixes.Min(StringComparer.Ordinal)!, prefixes.Max(StringComparer.Ordinal)!);
        await foreach (var e in TableRanges.Between(_table, Key(source, specKey), from, TableRanges.PrefixEnd(to), ct: ct))
        {
            var fragment = ToRef(e);
            if (wanted.Contains(fragment.Partition))
            {
                (found.TryGetValue(fragment.Partition, out var list) ? list : found[fragment.Partition] = []).Add(fragment);
            }
        }

        return found;
    }

    /// <summary>The fragment of one raw blob in one partition, or null (a point read).</summary>
    public async Task<FragmentRef?> FindAsync(string source, string specKey, string partition, string sha, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, Key(source, specKey), $"p|{partition}|{sha}", ct) is { } e ? ToRef(e) : null;

    /// <summary>Every fragment of this source and spec, grouped by partition (one range query; for plans that touch most partitions).</summary>
    public async Task<IReadOnlyDictionary<string, List<FragmentRef>>> AllByPartitionAsync(string source, string specKey, CancellationToken ct)
    {
        var all = new Dictionary<string, List<FragmentRef>>(StringComparer.Ordinal);
        await foreach (var e in TableRanges.Prefix(_table, Key(source, specKey), "p|", ct: ct))
        {
            var fragment = ToRef(e);
            if (!all.TryGetValue(fragment.Partition, out var list))
            {
                list = [];
                all[fragment.Partition] = list;
            }

            list.Add(fragment);
        }

        return all;
    }

    /// <summary>Fragments a raw blob produced.</summary>
    public async Task<IReadOnlyList<FragmentRef>> ForBlobAsync(string source, string specKey, string sha, CancellationToken ct)
    {
        var list = new List<FragmentRef>();
        await foreach (var e in TableRanges.Prefix(_table, Key(source, specKey), $"bp|{sha}|", ct: ct))
        {
            list.Add(ToRef(e));
        }

        return list;
    }

    /// <summary>Every partition key any fragment of this source and spec falls in (a projected range query).</summary>
    public async Task<IReadOnlySet<string>> AllPartitionsAsync(string source, string specKey, CancellationToken ct)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var e in TableRanges.Prefix(_table, Key(source, specKey), "p|", ["Partition"], ct: ct))
        {
            keys.Add(e.GetString("Partition"));
        }

        return keys;
    }

    /// <summary>The blob path of every fragment of every source and spec (one scan of the table, projected): what <c>gc</c> must never delete.</summary>
    public async IAsyncEnumerable<string> AllPathsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"p|"} and RowKey lt {"p}"}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["Path"], cancellationToken: ct))
        {
            yield return e.GetString("Path");
        }
    }

    private static string Key(string source, string specKey) => $"{source}|{specKey}";

    private static TableEntity ToEntity(string pk, string rk, FragmentRef f) => new(pk, rk)
    {
        ["Partition"] = f.Partition,
        ["Sha256"] = f.Sha256,
        ["Seq"] = f.Sequence,
        ["Path"] = f.Path,
        ["Rows"] = f.Rows,
        ["OutputHash"] = f.OutputHash,
        ["Size"] = f.Size,
        ["Profile"] = f.Profile,
    };

    private static FragmentRef ToRef(TableEntity e) => new(
        e.GetString("Partition"), e.GetString("Sha256"), e.GetInt64("Seq") ?? 0, e.GetString("Path"), e.GetInt64("Rows") ?? 0, e.GetString("OutputHash"))
    {
        Size = e.GetInt64("Size"),
        Profile = e.GetString("Profile"),
    };

    private static FragmentHeader ToHeader(TableEntity e, string source, string specKey) => new()
    {
        Source = source,
        SpecKey = specKey,
        Sha256 = e.RowKey[2..],
        RawPath = e.GetString("RawPath"),
        Sequence = e.GetInt64("Seq") ?? 0,
        StoredSchema = e.GetString("Schema"),
        RowsRead = e.GetInt64("RowsRead") ?? 0,
        RowsLoaded = e.GetInt64("RowsLoaded") ?? 0,
        RowsQuarantined = e.GetInt64("RowsQuarantined") ?? 0,
        Partitions = e.GetInt32("Partitions") ?? 0,
        FileError = e.GetString("FileError"),
        QuarantinePath = e.GetString("QuarantinePath"),
        FragmentColumns = e.GetString("FragmentColumns"),
        FragmentSchema = e.GetString("FragmentSchema"),
        RunId = e.GetString("RunId"),
        ParsedAt = e.GetDateTimeOffset("ParsedAt") ?? default,
    };
}
