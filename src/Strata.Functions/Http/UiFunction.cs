using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Strata.Ui;

namespace Strata.Functions.Http;

/// <summary>
/// <c>GET /api/ui</c>: the browser UI behind the function key, the same embedded page
/// <c>strata serve</c> answers at <c>/</c>. Open it once as <c>/api/ui?code=KEY</c>: the page keeps
/// the key for the tab and sends it to every API call as the <c>x-functions-key</c> header.
/// </summary>
public sealed class UiFunction
{
    private readonly UiAsset _page = UiAssets.Find(UiAssets.Document)!;

    [Function("Ui")]
    public async Task<HttpResponseData> PageAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ui")] HttpRequestData request,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = _page;
        var notModified = request.Headers.TryGetValues("If-None-Match", out var tags) && tags.Contains(page.ETag);
        var response = request.CreateResponse(notModified ? HttpStatusCode.NotModified : HttpStatusCode.OK);
        foreach (var (name, value) in UiAssets.Headers)
        {
            response.Headers.Add(name, value);
        }

        response.Headers.Add("ETag", page.ETag);
        if (!notModified)
        {
            response.Headers.Add("Content-Type", page.ContentType);
            await response.Body.WriteAsync(page.Content, ct);
        }

        return response;
    }
}
