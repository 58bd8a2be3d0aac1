using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Strata.Bench.Lake;

/// <summary>Counts storage requests and the table entities they return, to show how many rows a plan reads.</summary>
internal sealed class CountingPolicy : HttpPipelinePolicy
{
    private long _requests;
    private long _entities;

    public long Requests => Interlocked.Read(ref _requests);

    public long Entities => Interlocked.Read(ref _entities);

    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _entities, 0);
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

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
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
