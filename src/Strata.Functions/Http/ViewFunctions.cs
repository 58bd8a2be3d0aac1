using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Strata.Api;

namespace Strata.Functions.Http;

/// <summary>
/// The read models the browser UI (and any client) reads — pipelines, graph, runs, schemas, a
/// dataset's overview and partition grid, a raw blob — over <see cref="StrataApi"/>, answered as
/// <c>strata serve</c> answers them.
/// </summary>
public sealed class ViewFunctions(StrataApi api)
{
    /// <summary><c>GET /api/pipelines</c>: every pipeline with its counts, the run holding it and its last run.</summary>
    [Function("ListPipelines")]
    public async Task<HttpResponseData> PipelinesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines")] HttpRequestData request,
        CancellationToken ct) =>
        await Checked(request).WriteAsync(await api.PipelinesAsync(ct), ct);

    /// <summary><c>GET /api/pipelines/{pipeline}/graph</c>: sources and datasets with state and counts, and the input edges.</summary>
    [Function("GetGraph")]
    public async Task<HttpResponseData> GraphAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines/{pipeline}/graph")] HttpRequestData request,
        string pipeline,
        CancellationToken ct) =>
        await Checked(request).WriteAsync(await api.GraphAsync(pipeline, ct), ct);

    /// <summary><c>GET /api/pipelines/{pipeline}/runs?limit=</c>: run history, newest first.</summary>
    [Function("ListRuns")]
    public async Task<HttpResponseData> RunsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines/{pipeline}/runs")] HttpRequestData request,
        string pipeline,
        CancellationToken ct) =>
        await Checked(request).WriteAsync(await api.RunsAsync(pipeline, request.Query["limit"], ct), ct);

    /// <summary><c>GET /api/pipelines/{pipeline}/schemas</c>: every source's schema versions and drift events.</summary>
    [Function("ListSchemas")]
    public async Task<HttpResponseData> SchemasAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines/{pipeline}/schemas")] HttpRequestData request,
        string pipeline,
        CancellationToken ct) =>
        await Checked(request).WriteAsync(await api.SchemasAsync(pipeline, ct), ct);

    /// <summary><c>GET /api/pipelines/{pipeline}/datasets/{dataset}</c>: a source's or dataset's overview.</summary>
    [Function("GetDataset")]
    public async Task<HttpResponseData> DatasetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines/{pipeline}/datasets/{dataset}")] HttpRequestData request,
        string pipeline,
        string dataset,
        CancellationToken ct) =>
        await Checked(request).WriteAsync(await api.DatasetAsync(pipeline, dataset, ct), ct);

    /// <summary><c>GET /api/pipelines/{pipeline}/datasets/{dataset}/grid?from=&amp;limit=</c>: committed partitions as columns, a page at a time.</summary>
    [Function("GetPartitionGrid")]
    public async Task<HttpResponseData> GridAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines/{pipeline}/datasets/{dataset}/grid")] HttpRequestData request,
        string pipeline,
        string dataset,
        CancellationToken ct) =>
        await Checked(request).WriteAsync(await api.GridAsync(pipeline, dataset, request.Query["from"], request.Query["limit"], ct), ct);

    /// <summary><c>GET /api/raw/{source}/{sha}</c>: a raw blob's landing receipt and every partition it reaches.</summary>
    [Function("GetRawBlob")]
    public async Task<HttpResponseData> RawAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "raw/{source}/{sha}")] HttpRequestData request,
        string source,
        string sha,
        CancellationToken ct) =>
        await Checked(request).WriteAsync(await api.RawAsync(source, sha, ct), ct);

    private static HttpRequestData Checked(HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request;
    }
}
