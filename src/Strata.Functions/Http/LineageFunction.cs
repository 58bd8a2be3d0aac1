using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Strata.Api;

namespace Strata.Functions.Http;

/// <summary><c>GET /api/lineage/{dataset}/{partition}</c>: the exact input partitions a partition was built from.</summary>
public sealed class LineageFunction(StrataApi api)
{
    [Function("GetLineage")]
    public async Task<HttpResponseData> LineageAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "lineage/{dataset}/{partition}")] HttpRequestData request,
        string dataset,
        string partition,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await request.WriteAsync(await api.LineageAsync(dataset, partition, ct), ct);
    }
}
