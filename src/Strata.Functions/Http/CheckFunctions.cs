using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Strata.Api;

namespace Strata.Functions.Http;

/// <summary>A dataset's checks — list results, accept a failure — over <see cref="StrataApi"/>, answered as <c>strata serve</c> answers them.</summary>
public sealed class CheckFunctions(StrataApi api)
{
    /// <summary><c>GET /api/pipelines/{pipeline}/datasets/{dataset}/checks?partition=</c>: checks, results, held and waiting partitions, expectation counts.</summary>
    [Function("ListChecks")]
    public async Task<HttpResponseData> ChecksAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines/{pipeline}/datasets/{dataset}/checks")] HttpRequestData request,
        string pipeline,
        string dataset,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await request.WriteAsync(await api.ChecksAsync(pipeline, dataset, request.Query["partition"], ct), ct);
    }

    /// <summary>
    /// The header App Service authentication sets to the signed-in principal's name (and strips from
    /// what clients send), so an acceptance records who really made it.
    /// </summary>
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <summary>
    /// <c>POST /api/pipelines/{pipeline}/datasets/{dataset}/checks/accept</c> with <c>{"partition","check","reason","by"}</c>:
    /// releases a held partition. Behind App Service authentication the signed-in principal is recorded as <c>by</c>.
    /// </summary>
    [Function("AcceptCheck")]
    public async Task<HttpResponseData> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "pipelines/{pipeline}/datasets/{dataset}/checks/accept")] HttpRequestData request,
        string pipeline,
        string dataset,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = request.Headers.TryGetValues(PrincipalHeader, out var names) ? names.FirstOrDefault() : null;
        return await request.WriteAsync(await api.AcceptCheckAsync(pipeline, dataset, await request.ReadAsStringAsync(), caller, ct), ct);
    }
}
