using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Strata.Tests.Lineage.OpenLineage;

/// <summary>
/// An OpenLineage consumer for tests: an HTTP listener on a free loopback port that keeps every
/// request body and answers with <see cref="Status"/>. Started by the constructor, stopped by Dispose.
/// </summary>
internal sealed class LineageReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string? Authorization, string Body)> _requests = new();
    private readonly Task _loop;

    public LineageReceiver(HttpStatusCode status = HttpStatusCode.Created)
    {
        Status = status;
        Url = new Uri($"http://127.0.0.1:{FreePort()}/api/v1/lineage");
        _listener.Prefixes.Add($"http://127.0.0.1:{Url.Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public HttpStatusCode Status { get; set; }

    /// <summary>Every request body received, in arrival order.</summary>
    public IReadOnlyList<string> Bodies => _requests.Select(r => r.Body).ToList();

    /// <summary>Every Authorization header received.</summary>
    public IReadOnlyList<string?> Authorizations => _requests.Select(r => r.Authorization).ToList();

    /// <summary>The bodies as parsed events.</summary>
    public IReadOnlyList<JsonElement> Events => Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();

    /// <summary>A loopback port nothing listens on (for a consumer that is down).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Clear() => _requests.Clear();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; how it ends does not matter to a test.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                _requests.Enqueue((context.Request.Headers["Authorization"], await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = (int)Status;
            context.Response.Close();
        }
    }
}
