using Azure;
using Azure.Data.Tables;
using Strata.Storage;

namespace Strata.Land;

/// <summary>
/// Landing receipts in <see cref="StrataTables.Receipts"/>, one table partition per source:
/// <list type="bullet">
/// <item><c>~counter</c> — the source's landing sequence;</item>
/// <item><c>sha|&lt;sha256&gt;</c> — the receipt (same bytes twice = one receipt);</item>
/// <item><c>seq|&lt;n:D12&gt;</c> — the sequence index load reads from where it left off;</item>
/// <item><c>name|&lt;hash of landing name&gt;</c> — which landing blob (by ETag) produced it, so a kept landing blob is not re-read.</item>
/// </list>
/// The counter, receipt and index are written in one transaction, so a plan that reads counter
/// N is guaranteed to find every index row up to N.
/// </summary>
public sealed class ReceiptStore(LakeStorage storage)
{
    private const string CounterKey = "~counter";
    private const string ShaPrefix = "sha|";
    private const string SeqPrefix = "seq|";
    private const string NamePrefix = "name|";
    private const string UnownedPartition = "~unowned";

    private readonly TableClient _table = storage.Table(StrataTables.Receipts);

    /// <summary>The source's landing sequence: how many distinct files it has landed.</summary>
    public async Task<long> CounterAsync(string source, CancellationToken ct) =>
        (await TableRanges.FindAsync(_table, source, CounterKey, ct))?.GetInt64("Seq") ?? 0;

    public async Task<LandingReceipt?> GetAsync(string source, string sha, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, source, ShaPrefix + sha, ct) is { } e ? ToReceipt(e) : null;

    /// <summary>Receipts with sequence above <paramref name="afterSequence"/>, in landing order.</summary>
    public async Task<IReadOnlyList<LandingReceipt>> ListSinceAsync(string source, long afterSequence, CancellationToken ct)
    {
        var receipts = new List<LandingReceipt>();
        await foreach (var e in TableRanges.Between(_table, source, $"{SeqPrefix}{afterSequence + 1:D12}", TableRanges.PrefixEnd(SeqPrefix), ct: ct))
        {
            receipts.Add(ToReceipt(e));
        }

        return receipts;
    }

    /// <summary>
    /// Records a receipt with the next sequence number. Returns the stored receipt and whether it
    /// is new; when the same bytes were already landed, returns the earlier receipt. (Callers check
    /// for an existing receipt first; here it is looked up only after a conflict.)
    /// </summary>
    public async Task<(LandingReceipt Receipt, bool IsNew)> RecordAsync(LandingReceipt receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        while (true)
        {
            var counter = await TableRanges.FindAsync(_table, receipt.Source, CounterKey, ct);
            var next = (counter?.GetInt64("Seq") ?? 0) + 1;
            var stored = receipt with { Sequence = next };
            var counterRow = new TableEntity(receipt.Source, CounterKey) { ["Seq"] = next };
            TableTransactionAction[] actions =
            [
                counter is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, counterRow)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, counterRow, counter.ETag),
                new(TableTransactionActionType.Add, ToEntity(stored, ShaPrefix + stored.Sha256)),
                new(TableTransactionActionType.Add, ToEntity(stored, $"{SeqPrefix}{next:D12}")),
            ];

            try
            {
                await _table.SubmitTransactionAsync(actions, ct);
                return (stored, true);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another landing took this sequence number, or landed the same bytes.
                if (await GetAsync(receipt.Source, receipt.Sha256, ct) is { } existing)
                {
                    return (existing, false);
                }
            }
        }
    }

    /// <summary>The ETag of the landing blob that produced a receipt under this name, if any.</summary>
    public async Task<string?> LandedETagAsync(string source, string landingName, CancellationToken ct) =>
        (await TableRanges.FindAsync(_table, source, NamePrefix + NameKey(landingName), ct))?.GetString("LandingETag");

    public Task RememberLandingAsync(string source, string landingName, string etag, string sha, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(source, NamePrefix + NameKey(landingName))
        {
            ["LandingName"] = landingName,
            ["LandingETag"] = etag,
            ["Sha256"] = sha,
        }, TableUpdateMode.Replace, ct);

    /// <summary>Notes a landing blob no source owns, for <c>strata status</c>.</summary>
    public Task RecordUnownedAsync(string landingName, DateTimeOffset seenAt, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(UnownedPartition, NameKey(landingName))
        {
            ["LandingName"] = landingName,
            ["SeenAt"] = seenAt,
        }, TableUpdateMode.Replace, ct);

    public Task ForgetUnownedAsync(string landingName, CancellationToken ct) =>
        _table.DeleteEntityAsync(UnownedPartition, NameKey(landingName), ETag.All, ct);

    /// <summary>Landing blobs no source owns, as last seen.</summary>
    public async Task<IReadOnlyList<(string Name, DateTimeOffset SeenAt)>> UnownedAsync(CancellationToken ct)
    {
        var list = new List<(string, DateTimeOffset)>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {UnownedPartition}"), cancellationToken: ct))
        {
            list.Add((e.GetString("LandingName"), e.GetDateTimeOffset("SeenAt") ?? default));
        }

        return list;
    }

    private static string NameKey(string landingName) => Fingerprints.FingerprintBuilder.ShortHash(landingName, 32);

    private static TableEntity ToEntity(LandingReceipt r, string rowKey) => new(r.Source, rowKey)
    {
        ["Sha256"] = r.Sha256,
        ["RawPath"] = r.RawPath,
        ["OriginalName"] = r.OriginalName,
        ["Size"] = r.Size,
        ["IngestDate"] = r.IngestDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["LandedAt"] = r.LandedAt,
        ["Seq"] = r.Sequence,
    };

    private static LandingReceipt ToReceipt(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("Sha256"),
        e.GetString("RawPath"),
        e.GetString("OriginalName"),
        e.GetInt64("Size") ?? 0,
        DateOnly.ParseExact(e.GetString("IngestDate"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        e.GetDateTimeOffset("LandedAt") ?? default,
        e.GetInt64("Seq") ?? 0);
}
