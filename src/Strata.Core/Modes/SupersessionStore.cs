using Azure.Data.Tables;
using Strata.Storage;

namespace Strata.Modes;

/// <summary>
/// Which raw blobs of a <c>replace</c> or <c>snapshot</c> source no longer count, kept in
/// <see cref="StrataTables.Fragments"/> in the table partition of the fragments they filter
/// (<c>&lt;source&gt;|&lt;spec key&gt;</c>), so a changed load spec starts afresh exactly as its
/// fragments do. Row keys of their own, beside the fragment store's:
/// <list type="bullet">
/// <item><c>m|cur|&lt;group&gt;</c> — the blob in effect for a group: one landing name (replace) or the whole source (snapshot);</item>
/// <item><c>m|x|&lt;sha&gt;</c> — a superseded blob: its fragments no longer count;</item>
/// <item><c>m|xb|&lt;by sha&gt;|&lt;sha&gt;</c> — the same, found from the blob that superseded it: which partitions it vacated.</item>
/// </list>
/// Writes are idempotent upserts, the blob in effect is moved only with an ETag condition, and it
/// is written after the rows it implies, so a plan that stops halfway and runs again ends the same.
/// </summary>
public sealed class SupersessionStore(LakeStorage storage)
{
    private const string CurrentPrefix = "m|cur|";
    private const string SupersededPrefix = "m|x|";
    private const string ByPrefix = "m|xb|";

    private readonly TableClient _table = storage.Table(StrataTables.Fragments);

    /// <summary>The blob in effect for <paramref name="group"/>, or null before the first.</summary>
    public async Task<BlobInEffect?> CurrentAsync(string source, string specKey, string group, CancellationToken ct) =>
        await TableRanges.FindAsync(_table, Key(source, specKey), CurrentPrefix + group, ct) is { } e ? new BlobInEffect(ToBlob(e), e.ETag.ToString()) : null;

    /// <summary>Every superseded blob's SHA-256 (one range query; replacements are rare, so this stays small).</summary>
    public async Task<IReadOnlySet<string>> SupersededAsync(string source, string specKey, CancellationToken ct)
    {
        var shas = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in TableRanges.Prefix(_table, Key(source, specKey), SupersededPrefix, ["RowKey"], ct: ct))
        {
            shas.Add(e.RowKey[SupersededPrefix.Length..]);
        }

        return shas;
    }

    /// <summary>The blobs <paramref name="bySha"/> superseded.</summary>
    public async Task<IReadOnlyList<ModeBlob>> SupersededByAsync(string source, string specKey, string bySha, CancellationToken ct)
    {
        var blobs = new List<ModeBlob>();
        await foreach (var e in TableRanges.Prefix(_table, Key(source, specKey), $"{ByPrefix}{bySha}|", ct: ct))
        {
            blobs.Add(ToBlob(e));
        }

        return blobs;
    }

    /// <summary>
    /// Records supersessions, then moves the blobs in effect (each conditional on the ETag read, or
    /// added when there was none). Returns false when another plan moved one first: the caller
    /// resolves again from what is stored now.
    /// </summary>
    public async Task<bool> RecordAsync(string source, string specKey, IReadOnlyList<Supersede> changes, IReadOnlyDictionary<string, BlobInEffect> current, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(current);
        var pk = Key(source, specKey);
        await TableRanges.SubmitInBatchesAsync(_table, changes.SelectMany(c => new[]
        {
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(pk, SupersededPrefix + c.Old.Sha256, c.By)),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(pk, $"{ByPrefix}{c.By.Sha256}|{c.Old.Sha256}", c.Old)),
        }), ct);

        try
        {
            await TableRanges.SubmitInBatchesAsync(_table, current.Select(c => c.Value.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(pk, CurrentPrefix + c.Key, c.Value.Blob), new Azure.ETag(etag))
                : new TableTransactionAction(TableTransactionActionType.Add, ToEntity(pk, CurrentPrefix + c.Key, c.Value.Blob))), ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private static string Key(string source, string specKey) => $"{source}|{specKey}";

    private static TableEntity ToEntity(string pk, string rk, ModeBlob blob) => new(pk, rk)
    {
        ["Sha256"] = blob.Sha256,
        ["Seq"] = blob.Sequence,
        ["RawPath"] = blob.RawPath,
        ["LandingName"] = blob.LandingName,
    };

    private static ModeBlob ToBlob(TableEntity e) =>
        new(e.GetString("Sha256"), e.GetInt64("Seq") ?? 0, e.GetString("RawPath"), e.GetString("LandingName") ?? "");
}
