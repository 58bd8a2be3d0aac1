using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Strata.Api;

namespace Strata.Functions.Http;

/// <summary>Read-only routes of one pipeline — plan, partitions, quarantine — over <see cref="StrataApi"/>.</summary>
public sealed class PipelineFunctions(StrataApi api)
{
    /// <summary><c>GET /api/pipelines/{pipeline}/plan?force=&amp;from=&amp;to=</c>: what a run would rebuild, and why.</summary>
    [Function("GetPlan")]
    public async Task<HttpResponseData> PlanAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines/{pipeline}/plan")] HttpRequestData request,
        string pipeline,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        return await request.WriteAsync(await api.PlanAsync(pipeline, query["force"], query["from"], query["to"], ct), ct);
    }

    /// <summary><c>GET /api/pipelines/{pipeline}/datasets/{dataset}/partitions?from=&amp;to=&amp;limit=</c>: committed partitions.</summary>
    [Function("ListPartitions")]
    public async Task<HttpResponseData> PartitionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines/{pipeline}/datasets/{dataset}/partitions")] HttpRequestData request,
        string pipeline,
        string dataset,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        return await request.WriteAsync(await api.PartitionsAsync(pipeline, dataset, query["from"], query["to"], query["limit"], ct), ct);
    }

    /// <summary><c>GET /api/pipelines/{pipeline}/quarantine?page=&amp;limit=</c>: quarantined rows with their reasons, a page at a time.</summary>
    [Function("ListQuarantine")]
    public async Task<HttpResponseData> QuarantineAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pipelines/{pipeline}/quarantine")] HttpRequestData request,
        string pipeline,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        return await request.WriteAsync(await api.QuarantineAsync(pipeline, query["page"], query["limit"], ct), ct);
    }
}
