using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Strata.Storage;

/// <summary>
/// Watches every request of the lake's clients (one pipeline policy, run on each try) and bounds
/// the time spent on an unreachable lake. A try that gets no answer — connection refused or reset,
/// the network timeout, a 5xx — starts (or continues) an outage; any other answer ends it. Once an
/// outage has lasted <see cref="StorageOptions.UnreachableTimeout"/>, requests fail at once with a
/// <see cref="StorageUnavailableException"/> naming the endpoint, which no retry layer retries, so a
/// run stops within about that time. One request every <see cref="ProbeInterval"/> still goes
/// through, so a long-lived host (<c>strata serve</c>) notices when storage is back.
/// </summary>
public sealed class StorageOutage(TimeSpan limit, TimeProvider time) : HttpPipelinePolicy
{
    /// <summary>While given up, how often one request is still let through to probe storage.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private DateTimeOffset? _since;
    private DateTimeOffset _lastTry;
    private string _lastFailure = "";
    private string _endpoint = "";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var started = time.GetUtcNow();
        ThrowIfGivenUp(started);
        try
        {
            if (async)
            {
                await ProcessNextAsync(message, pipeline);
            }
            else
            {
                ProcessNext(message, pipeline);
            }
        }
        catch (Exception e) when (e is RequestFailedException { Status: 0 } or HttpRequestException or IOException
                                   || (e is OperationCanceledException && !message.CancellationToken.IsCancellationRequested))
        {
            Failed(message, started, e.InnerException?.Message ?? e.Message);
            throw;
        }

        if (message.HasResponse && message.Response.Status >= 500)
        {
            Failed(message, started, $"{message.Response.Status} {message.Response.ReasonPhrase}");
        }
        else
        {
            lock (_gate)
            {
                _since = null;
            }
        }
    }

    private void ThrowIfGivenUp(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_since is not { } since || now - since < limit || now - _lastTry >= ProbeInterval)
            {
                _lastTry = now;
                return;
            }

            throw new StorageUnavailableException(
                $"the lake's storage at {_endpoint} has not answered for {(now - since).TotalSeconds:0} s (last try: {_lastFailure}). " +
                "Check that it is running and reachable (an emulator that was stopped, a lost network, a firewall), then run the command again: " +
                $"it resumes where this one stopped. Strata__Storage__UnreachableTimeout (now {limit}) sets how long to wait.");
        }
    }

    private void Failed(HttpMessage message, DateTimeOffset started, string error)
    {
        var uri = message.Request.Uri.ToUri();
        lock (_gate)
        {
            _since ??= started;
            _endpoint = uri.GetLeftPart(UriPartial.Authority);
            _lastFailure = $"{message.Request.Method} {uri.AbsolutePath}: {error.ReplaceLineEndings(" ")}";
        }
    }
}
