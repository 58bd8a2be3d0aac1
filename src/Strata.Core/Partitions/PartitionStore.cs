using Azure;
using Azure.Data.Tables;
using System.Text.Json;
using Strata.Storage;

namespace Strata.Partitions;

/// <summary>
/// Partition fingerprints, commit log, failure markers and dataset summaries, all in
/// <see cref="StrataTables.Partitions"/> with the dataset as the table partition key:
/// <list type="bullet">
/// <item><c>p|&lt;partition&gt;</c> — the committed partition;</item>
/// <item><c>c|&lt;run:D10&gt;|&lt;partition&gt;</c> — commit log line, written only when the output changed;</item>
/// <item><c>f|&lt;partition&gt;</c> — failure marker;</item>
/// <item><c>~summary</c> — the dataset summary.</item>
/// </list>
/// A commit writes the partition row (ETag-conditional), its log line and the removal of its
/// failure marker in one entity-group transaction: all or nothing.
/// </summary>
public sealed partial class PartitionStore(LakeStorage storage)
{
    private const string PartitionPrefix = "p|";
    private const string CommitPrefix = "c|";
    private const string FailurePrefix = "f|";
    private const string SummaryKey = "~summary";

    private readonly TableClient _table = storage.Table(StrataTables.Partitions);

    public async Task<PartitionRecord?> GetAsync(string dataset, string partition, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, dataset, PartitionPrefix + partition, ct) is { } e ? ToRecord(e) : null;

    // Everything but the lineage payload: what planning and input selection need.
    private static readonly string[] LightColumns =
        ["PartitionKey", "RowKey", "Fingerprint", "OutputHash", "OutputPath", "ExtraPaths", "Rows", "SchemaVersion", "RunId", "CommitRun", "CommittedAt"];

    /// <summary>All committed partitions of a dataset, in key order (one range query); <paramref name="withInputs"/> adds the lineage payload.</summary>
    public async IAsyncEnumerable<PartitionRecord> ListAsync(string dataset, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, bool withInputs = false)
    {
        await foreach (var e in TableRanges.Prefix(_table, dataset, PartitionPrefix, withInputs ? null : LightColumns, ct: ct))
        {
            yield return ToRecord(e);
        }
    }

    /// <summary>Any one committed partition (the first by key), or null: a schema sample for an input with nothing selected.</summary>
    public async Task<PartitionRecord?> FirstAsync(string dataset, CancellationToken ct)
    {
        await foreach (var e in TableRanges.Prefix(_table, dataset, PartitionPrefix, LightColumns, pageSize: 1, ct: ct))
        {
            return ToRecord(e);
        }

        return null;
    }

    /// <summary>
    /// Committed partitions with key ≥ <paramref name="from"/> (all when null), in key order, with
    /// only key, rows, run and commit time: the narrow projection a grid of many partitions lists.
    /// </summary>
    public async IAsyncEnumerable<PartitionEntry> EntriesAsync(string dataset, string? from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in TableRanges.Between(_table, dataset, PartitionPrefix + from, TableRanges.PrefixEnd(PartitionPrefix), ["RowKey", "Rows", "RunId", "CommittedAt"], ct: ct))
        {
            yield return new PartitionEntry(e.RowKey[PartitionPrefix.Length..], e.GetInt64("Rows") ?? 0, e.GetString("RunId") ?? "", e.GetDateTimeOffset("CommittedAt") ?? default);
        }
    }

    /// <summary>Committed partitions with <paramref name="from"/> ≤ key ≤ <paramref name="to"/> (a window), in key order.</summary>
    public async IAsyncEnumerable<PartitionRecord> RangeAsync(string dataset, string from, string to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in TableRanges.Between(_table, dataset, PartitionPrefix + from, TableRanges.PrefixEnd(PartitionPrefix + to), LightColumns, ct: ct))
        {
            yield return ToRecord(e);
        }
    }

    /// <summary>Keys and output hashes of every committed partition (a projected range query: no lineage payload).</summary>
    public async Task<IReadOnlyList<InputPart>> ListHashesAsync(string dataset, CancellationToken ct)
    {
        var parts = new List<InputPart>();
        await foreach (var e in TableRanges.Prefix(_table, dataset, PartitionPrefix, ["RowKey", "OutputHash"], ct: ct))
        {
            parts.Add(new InputPart(e.RowKey[PartitionPrefix.Length..], e.GetString("OutputHash")));
        }

        return parts;
    }

    /// <summary>How many partitions are committed with keys in [<paramref name="from"/>, <paramref name="to"/>] (either end open when null): one key-only range read.</summary>
    public async Task<int> CountAsync(string dataset, string? from, string? to, CancellationToken ct)
    {
        var count = 0;
        var end = to is null ? TableRanges.PrefixEnd(PartitionPrefix) : TableRanges.PrefixEnd(PartitionPrefix + to);
        await foreach (var e in TableRanges.Between(_table, dataset, PartitionPrefix + (from ?? ""), end, ["RowKey"], ct: ct))
        {
            var key = e.RowKey[PartitionPrefix.Length..];
            count += (to is null || string.CompareOrdinal(key, to) <= 0) ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// The output blobs of every committed partition of every dataset (one scan of the table,
    /// projected): what <c>gc</c> must never delete.
    /// </summary>
    public async IAsyncEnumerable<(string Dataset, string OutputPath, IReadOnlyList<string> ExtraPaths)> AllOutputsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {PartitionPrefix} and RowKey lt {TableRanges.PrefixEnd(PartitionPrefix)}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "OutputPath", "ExtraPaths"], cancellationToken: ct))
        {
            yield return (e.PartitionKey, e.GetString("OutputPath"), e.GetString("ExtraPaths") is { } extra ? JsonSerializer.Deserialize<List<string>>(extra) ?? [] : []);
        }
    }

    /// <summary>Commit log lines of runs after <paramref name="afterRun"/>: the partitions whose output changed since then.</summary>
    public async Task<IReadOnlyList<CommitEntry>> ChangesSinceAsync(string dataset, long afterRun, CancellationToken ct)
    {
        var changes = new List<CommitEntry>();
        var from = $"{CommitPrefix}{afterRun + 1:D10}|";
        await foreach (var e in TableRanges.Between(_table, dataset, from, TableRanges.PrefixEnd(CommitPrefix), ct: ct))
        {
            changes.Add(new CommitEntry(dataset, e.GetInt64("Run") ?? 0, e.GetString("Partition"), e.GetString("OutputHash"), e.GetString("PreviousHash"), e.GetInt64("Rows") ?? 0, e.GetInt64("PreviousRows") ?? 0));
        }

        return changes;
    }

    public async Task<IReadOnlyList<FailureMarker>> FailuresAsync(string dataset, CancellationToken ct)
    {
        var failures = new List<FailureMarker>();
        await foreach (var e in TableRanges.Prefix(_table, dataset, FailurePrefix, ct: ct))
        {
            failures.Add(ToFailure(e));
        }

        return failures;
    }

    public async Task<FailureMarker?> GetFailureAsync(string dataset, string partition, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, dataset, FailurePrefix + partition, ct) is { } e ? ToFailure(e) : null;

    /// <summary>
    /// Commits a partition atomically: its row (added when <paramref name="previous"/> is null,
    /// else replaced only if unchanged since read), a commit log line when the output hash
    /// changed, and removal of <paramref name="failure"/>. Returns false when another writer
    /// committed first; the caller then discards its output.
    /// </summary>
    public async Task<bool> CommitAsync(PartitionRecord record, PartitionRecord? previous, FailureMarker? failure, CancellationToken ct)
    {
        try
        {
            await _table.SubmitTransactionAsync(CommitActions(record, previous, failure), ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (LostRace(e))
        {
            return false;
        }
    }

    /// <summary>A commit's actions: the conditional partition row, its log line when the output changed, the failure marker's removal.</summary>
    private static List<TableTransactionAction> CommitActions(PartitionRecord record, PartitionRecord? previous, FailureMarker? failure)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = ToEntity(record);
        var actions = new List<TableTransactionAction>
        {
            previous?.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(etag))
                : new TableTransactionAction(TableTransactionActionType.Add, row),
        };

        if (previous is null || previous.OutputHash != record.OutputHash)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(record.Dataset, $"{CommitPrefix}{record.CommitRun:D10}|{record.Partition}")
            {
                ["Run"] = record.CommitRun,
                ["Partition"] = record.Partition,
                ["OutputHash"] = record.OutputHash,
                ["PreviousHash"] = previous?.OutputHash,
                ["Rows"] = record.Rows,
                ["PreviousRows"] = previous?.Rows ?? 0,
            }));
        }

        if (failure?.ETag is { } failureTag)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(record.Dataset, FailurePrefix + record.Partition), new ETag(failureTag)));
        }

        return actions;
    }

    // The row was added or changed by another writer (409 / 412), or the failure marker it removes is gone (404 past the first action).
    private static bool LostRace(TableTransactionFailedException e) => e.Status is 409 or 412 || (e.Status == 404 && e.FailedTransactionActionIndex > 0);

    /// <summary>
    /// Writes committed partition rows in bulk (entity-group batches of 100), without commit-log
    /// lines: for importing partitions built elsewhere, and for benchmarks that need a large
    /// committed state. Downstream datasets do not see imported partitions as changes.
    /// </summary>
    public async Task ImportAsync(IEnumerable<PartitionRecord> records, int parallelism, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        var batches = records
            .GroupBy(r => r.Dataset)
            .SelectMany(g => g.Chunk(100))
            .Select(chunk => chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r))).ToList());
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct },
            async (batch, token) => await _table.SubmitTransactionAsync(batch, token));
    }

    public Task RecordFailureAsync(FailureMarker failure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var entity = new TableEntity(failure.Dataset, FailurePrefix + failure.Partition)
        {
            ["Fingerprint"] = failure.Fingerprint,
            ["Error"] = failure.Error.Length > 30_000 ? failure.Error[..30_000] : failure.Error,
            ["RunId"] = failure.RunId,
            ["FailedAt"] = failure.FailedAt,
        };
        return _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>Removes a failure marker left behind by a partition that is now committed.</summary>
    public async Task ClearFailureAsync(FailureMarker failure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(failure);
        try
        {
            await _table.DeleteEntityAsync(failure.Dataset, FailurePrefix + failure.Partition, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    public async Task<DatasetSummary?> GetSummaryAsync(string dataset, CancellationToken ct)
    {
        if (await TableRanges.FindAsync(_table, dataset, SummaryKey, ct) is not { } e)
        {
            return null;
        }

        return new DatasetSummary
        {
            Dataset = dataset,
            CodeHash = e.GetString("CodeHash"),
            SqlHash = e.GetString("SqlHash"),
            Seen = JsonSerializer.Deserialize<Dictionary<string, long>>(e.GetString("Seen") ?? "{}") ?? [],
            Partitions = e.GetInt64("Partitions") ?? 0,
            Rows = e.GetInt64("Rows") ?? 0,
            LastRunId = e.GetString("LastRunId"),
            UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
            ETag = e.ETag.ToString(),
        };
    }

    /// <summary>
    /// Writes a dataset summary only if it is still the version that was read:
    /// <see cref="DatasetSummary.ETag"/> names that version (null: there was none, so it is added).
    /// Returns false when another writer got there first; the caller reads again and folds its
    /// change into what that writer left.
    /// </summary>
    public async Task<bool> SaveSummaryAsync(DatasetSummary summary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var entity = new TableEntity(summary.Dataset, SummaryKey)
        {
            ["CodeHash"] = summary.CodeHash,
            ["SqlHash"] = summary.SqlHash,
            ["Seen"] = JsonSerializer.Serialize(summary.Seen),
            ["Partitions"] = summary.Partitions,
            ["Rows"] = summary.Rows,
            ["LastRunId"] = summary.LastRunId,
            ["UpdatedAt"] = summary.UpdatedAt,
        };
        return await TableRanges.TryReplaceAsync(_table, entity, summary.ETag, ct) is not null;
    }

    private static TableEntity ToEntity(PartitionRecord r) => new(r.Dataset, PartitionPrefix + r.Partition)
    {
        ["Fingerprint"] = r.Fingerprint,
        ["OutputHash"] = r.OutputHash,
        ["OutputPath"] = r.OutputPath,
        ["ExtraPaths"] = r.ExtraPaths.Count == 0 ? null : JsonSerializer.Serialize(r.ExtraPaths),
        ["Rows"] = r.Rows,
        ["SchemaVersion"] = r.SchemaVersion,
        ["RunId"] = r.RunId,
        ["CommitRun"] = r.CommitRun,
        ["CommittedAt"] = r.CommittedAt,
        ["Inputs"] = r.Inputs.Slices.Count == 0 ? null : r.Inputs.ToBytes(),
    };

    private static PartitionRecord ToRecord(TableEntity e) => new()
    {
        Dataset = e.PartitionKey,
        Partition = e.RowKey[PartitionPrefix.Length..],
        Fingerprint = e.GetString("Fingerprint"),
        OutputHash = e.GetString("OutputHash"),
        OutputPath = e.GetString("OutputPath"),
        ExtraPaths = e.GetString("ExtraPaths") is { } extra ? JsonSerializer.Deserialize<List<string>>(extra) ?? [] : [],
        Rows = e.GetInt64("Rows") ?? 0,
        SchemaVersion = e.GetInt32("SchemaVersion") ?? 0,
        RunId = e.GetString("RunId"),
        CommitRun = e.GetInt64("CommitRun") ?? 0,
        CommittedAt = e.GetDateTimeOffset("CommittedAt") ?? default,
        Inputs = PartitionInputs.FromBytes(e.GetBinary("Inputs")),
        ETag = e.ETag.ToString(),
    };

    private static FailureMarker ToFailure(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey[FailurePrefix.Length..],
        e.GetString("Fingerprint"),
        e.GetString("Error"),
        e.GetString("RunId"),
        e.GetDateTimeOffset("FailedAt") ?? default,
        e.ETag.ToString());
}
