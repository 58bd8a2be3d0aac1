using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Strata.Bench.Lake;

/// <summary>
/// Counts storage requests and the table entities they return, to show how many rows a plan reads;
/// and, apart, the requests the lake's publishing and removal make: the <c>StrataLake</c> table
/// (pending outputs, table state), the <c>_delta_log/</c> blobs, and blob deletes.
/// </summary>
internal sealed partial class CountingPolicy : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, long> _kinds = new(StringComparer.Ordinal);
    private long _requests;
    private long _entities;
    private long _lake;
    private long _log;
    private long _deletes;

    public long Requests => Interlocked.Read(ref _requests);

    public long Entities => Interlocked.Read(ref _entities);

    /// <summary>Requests to the StrataLake table (pending outputs, published state).</summary>
    public long LakeTable => Interlocked.Read(ref _lake);

    /// <summary>Requests to <c>_delta_log/</c> blobs (versions, checkpoints).</summary>
    public long DeltaLog => Interlocked.Read(ref _log);

    /// <summary>Blob deletes (superseded and never-published files).</summary>
    public long BlobDeletes => Interlocked.Read(ref _deletes);

    /// <summary>The three above together: what publishing and removal add to a run.</summary>
    public string LakeBreakdown => $"{LakeTable + DeltaLog + BlobDeletes} (table {LakeTable}, log {DeltaLog}, deletes {BlobDeletes})";

    /// <summary>Requests by method and table or container (a transaction by the table its body names), most first.</summary>
    public IReadOnlyList<(string Kind, long Requests)> ByKind() => _kinds.Select(k => (k.Key, k.Value)).OrderByDescending(k => k.Value).ToList();

    public void Reset()
    {
        _kinds.Clear();
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _entities, 0);
        Interlocked.Exchange(ref _lake, 0);
        Interlocked.Exchange(ref _log, 0);
        Interlocked.Exchange(ref _deletes, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    /// <summary>An entity-group transaction names its table only in its body.</summary>
    private static bool IsLakeBatch(HttpMessage message, string uri)
    {
        if (!uri.Contains("$batch", StringComparison.Ordinal) || message.Request.Content is not { } content)
        {
            return false;
        }

        using var body = new MemoryStream();
        content.WriteTo(body, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains("StrataLake", StringComparison.Ordinal);
    }

    /// <summary>"GET container" or "POST $batch table": the first path segment after the account.</summary>
    private static string Kind(HttpMessage message, string uri)
    {
        var path = message.Request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var target = path.Length > 1 ? path[1] : path.FirstOrDefault() ?? "";
        target = target.Split('(', '?')[0];
        if (target == "$batch" && message.Request.Content is { } content)
        {
            using var body = new MemoryStream();
            content.WriteTo(body, CancellationToken.None);
            var match = BatchTable().Match(System.Text.Encoding.UTF8.GetString(body.ToArray()));
            target += " " + (match.Success ? match.Groups[1].Value : "?");
        }

        var copy = message.Request.Headers.Contains("x-ms-copy-source") ? " (copy)" : "";
        return $"{message.Request.Method} {target}{copy}";
    }

    [GeneratedRegex(@"(?:PUT|POST|PATCH|MERGE|DELETE) \S+?/(\w+)\(")]
    private static partial Regex BatchTable();

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        var uri = message.Request.Uri.ToString();
        _kinds.AddOrUpdate(Kind(message, uri), 1, (_, n) => n + 1);
        if (uri.Contains("StrataLake", StringComparison.Ordinal) || IsLakeBatch(message, uri))
        {
            Interlocked.Increment(ref _lake);
        }
        else if (uri.Contains("/_delta_log/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _log);
        }
        else if (message.Request.Method == RequestMethod.Delete && !uri.Contains("Strata", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _deletes);
        }

        var isTableRead = message.Request.Method == RequestMethod.Get && message.Request.Uri.ToString().Contains("Strata", StringComparison.Ordinal);
        if (!isTableRead || !message.HasResponse || message.Response.Status != 200 || message.Response.ContentStream is not { CanSeek: true } body)
        {
            return;
        }

        using var doc = JsonDocument.Parse(body);
        body.Position = 0;
        Interlocked.Add(ref _entities, doc.RootElement.TryGetProperty("value", out var rows) ? rows.GetArrayLength() : 1);
    }
}
