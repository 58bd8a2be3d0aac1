using System.Net;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker.Http;
using Strata.Api;

namespace Strata.Functions.Http;

/// <summary>
/// Writes the core's <see cref="ApiResult"/> as the HTTP response: the same status, JSON shape
/// (<see cref="StrataJson"/>) and Location header as <c>strata serve</c>.
/// </summary>
internal static class ApiResponses
{
    private static readonly JsonObjectSerializer Json = new(StrataJson.Options);

    public static async Task<HttpResponseData> WriteAsync(this HttpRequestData request, ApiResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);

        // Status and headers first: under the ASP.NET Core integration the response is the live
        // HttpResponse, which refuses a status once the body has started (the client would get a 200
        // and a cut body). Worker.Core 2.x writes JSON with the status already on the response.
        var response = request.CreateResponse((HttpStatusCode)result.Status);
        if (result.Location is not null)
        {
            response.Headers.Add("Location", result.Location);
        }

        // Written asynchronously: the ASP.NET Core integration forbids synchronous writes to the body.
        await response.WriteAsJsonAsync(result.Body, Json, ct);
        return response;
    }
}
