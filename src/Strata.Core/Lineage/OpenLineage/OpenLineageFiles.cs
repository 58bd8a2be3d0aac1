using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Strata.Runs;
using Strata.Storage;

namespace Strata.Lineage.OpenLineage;

/// <summary>
/// The lake's copy of every OpenLineage event, for tools that import files — where it lives is
/// decided here and nowhere else: container <c>lineage</c> (no team is granted it and no dataset
/// folder is in it), blob <c>openlineage/&lt;pipeline&gt;/&lt;yyyy-MM-dd&gt;/&lt;run id&gt;.jsonl</c>, the date being the
/// day the run started (UTC), one event per line.
/// </summary>
/// <remarks>
/// Each line is one block of a block blob, its block id derived from the event's key (OpenLineage
/// run id + event type); a line is added by committing the committed list plus its block, on the
/// ETag read with that list. So a file holds each event once however often an activity is retried,
/// concurrent steps of a run never lose each other's lines, and a reader sees whole lines only.
/// </remarks>
public sealed class OpenLineageFiles(LakeStorage storage, RunStore runs, TimeProvider time)
{
    /// <summary>The container (before any storage namespace prefix).</summary>
    public const string Container = LakeContainers.Lineage;

    private const int MaxCommitAttempts = 50;
    private const int MaxCachedRuns = 1024;
    private readonly ConcurrentDictionary<string, DateOnly> _runDates = new(StringComparer.Ordinal);

    /// <summary>The blob name of a run's events.</summary>
    public static string PathOf(string pipeline, DateOnly started, string runId) =>
        $"openlineage/{pipeline}/{started:yyyy-MM-dd}/{runId}.jsonl";

    /// <summary>The blob name of a run's events, dated by the run's recorded start.</summary>
    public async Task<string> PathForRunAsync(string pipeline, string runId, CancellationToken ct)
    {
        if (!_runDates.TryGetValue(runId, out var started))
        {
            var record = await runs.GetAsync(runId, ct);
            started = DateOnly.FromDateTime((record?.StartedAt ?? time.GetUtcNow()).UtcDateTime);
            if (_runDates.Count >= MaxCachedRuns)
            {
                _runDates.Clear();
            }

            _runDates[runId] = started;
        }

        return PathOf(pipeline, started, runId);
    }

    /// <summary>
    /// Adds the event <paramref name="key"/> unless the file already holds it; only then is
    /// <paramref name="line"/> asked for (the emitter sends the event from there, so an event already
    /// in the lake is not sent again). Returns whether the line was added.
    /// </summary>
    public async Task<bool> AppendOnceAsync(string path, string key, Func<Task<string>> line, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(line);
        var blob = Blob(path);
        var id = BlockId(key);
        byte[]? content = null;
        for (var attempt = 1; ; attempt++)
        {
            var (blocks, etag) = await CommittedAsync(blob, ct);
            if (blocks.Contains(id))
            {
                return false;
            }

            content ??= Encoding.UTF8.GetBytes(await line() + "\n");
            using (var stream = new MemoryStream(content))
            {
                await blob.StageBlockAsync(id, stream, cancellationToken: ct);
            }

            try
            {
                await blob.CommitBlockListAsync([.. blocks, id], new CommitBlockListOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" },
                    Conditions = etag is { } tag ? new BlobRequestConditions { IfMatch = tag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxCommitAttempts)
            {
                // Another step of the run added its line first: read the list again and add ours to it.
            }
        }
    }

    /// <summary>Every event line of a file, in the order they were added; empty when there is none.</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            var content = await Blob(path).DownloadContentAsync(ct);
            return content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    private BlockBlobClient Blob(string path) => storage.Container(Container).GetBlockBlobClient(path);

    // Block ids must have one length within a blob: a SHA-256 of the key, base64, always 44 characters.
    private static string BlockId(string key) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static async Task<(List<string> Blocks, ETag? ETag)> CommittedAsync(BlockBlobClient blob, CancellationToken ct)
    {
        try
        {
            var list = (await blob.GetBlockListAsync(BlockListTypes.Committed, cancellationToken: ct)).Value;
            return (list.CommittedBlocks.Select(b => b.Name).ToList(), list.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return ([], null);
        }
    }
}
