using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Strata.Lineage.OpenLineage;

/// <summary>
/// POSTs events to <see cref="OpenLineageOptions.OpenLineageUrl"/>. Best effort by design: a
/// consumer that is slow, failing or down costs a step at most <see cref="OpenLineageOptions.SendTimeout"/>
/// per event (retries included), then a warning — never an exception — and once events have
/// failed, sending pauses for <see cref="OpenLineageOptions.BreakDuration"/> so the rest of the run
/// is not slowed at all. The lake copy (<see cref="OpenLineageFiles"/>) is the complete record.
/// </summary>
public sealed partial class OpenLineageSender : IDisposable
{
    private readonly OpenLineageOptions _options;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _log;

    public OpenLineageSender(IOptions<OpenLineageOptions> options, TimeProvider time, ILogger<OpenLineageSender> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _log = log;

        // Timeouts are Polly's (per attempt and in total), so the client itself never gives up first.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500);
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = _options.BreakDuration,
            })
            .AddTimeout(_options.SendTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = _options.MaxAttempts - 1,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(_options.SendTimeout / _options.MaxAttempts)
            .Build();
    }

    /// <summary>True when a consumer URL is configured.</summary>
    public bool Enabled => _options.OpenLineageUrl is not null;

    /// <summary>Sends one event; returns whether the consumer accepted it. Never throws but for cancellation of <paramref name="ct"/>.</summary>
    public async Task<bool> SendAsync(string eventJson, string description, CancellationToken ct)
    {
        if (_options.OpenLineageUrl is not { } url)
        {
            return false;
        }

        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(eventJson, System.Text.Encoding.UTF8, "application/json") };
                if (!string.IsNullOrEmpty(_options.ApiKey))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
                }

                return await _http.SendAsync(request, token);
            }, ct);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRejected(description, url, (int)response.StatusCode, await Excerpt(response, ct));
        }
        catch (BrokenCircuitException)
        {
            LogPaused(description, url, _options.BreakDuration);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogUnreachable(description, url, e.Message);
        }

        return false;
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string> Excerpt(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Length <= 300 ? body : body[..300] + "…";
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "OpenLineage consumer {Url} rejected {Event} with HTTP {Status}: {Body}. The event is in the lake; check the URL and what the consumer expects")]
    private partial void LogRejected(string @event, Uri url, int status, string body);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "OpenLineage consumer {Url} could not take {Event}: {Error}. The event is in the lake; the run goes on")]
    private partial void LogUnreachable(string @event, Uri url, string error);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "Sending to OpenLineage consumer {Url} is paused for up to {Pause} after failures; {Event} is in the lake only")]
    private partial void LogPaused(string @event, Uri url, TimeSpan pause);
}
