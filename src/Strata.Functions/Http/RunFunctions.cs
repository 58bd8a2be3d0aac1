using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Strata.Api;
using Strata.Functions.Runs;
using Strata.Runs;

namespace Strata.Functions.Http;

/// <summary>Starting runs and reading their status, over <see cref="StrataApi"/> and <see cref="DurableRunLauncher"/>.</summary>
public sealed class RunFunctions(StrataApi api, PipelineStateStore states)
{
    /// <summary>
    /// <c>POST /api/pipelines/{pipeline}/runs</c>: 400/404 as the core decides; otherwise 202 with
    /// Location and the body <c>strata serve</c> answers (<see cref="StrataApi.Accepted"/>): the
    /// pipeline's instance id, new or already running, and this API's status URL — not Durable's
    /// check-status payload, whose webhook URLs carry the host's system key and differ between hosts.
    /// </summary>
    [Function("CreateRun")]
    public async Task<HttpResponseData> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "pipelines/{pipeline}/runs")] HttpRequestData request,
        string pipeline,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (run, error) = api.ParseRun(pipeline, await request.ReadAsStringAsync(), "http");
        if (error is not null)
        {
            return await request.WriteAsync(error, ct);
        }

        var launch = await new DurableRunLauncher(client, states).StartAsync(run!, ct);
        return await request.WriteAsync(StrataApi.Accepted(request.Url.GetLeftPart(UriPartial.Authority), launch), ct);
    }

    /// <summary><c>GET /api/runs/{id}</c>: the instance's runtime status, progress (custom status) and summary (output).</summary>
    [Function("GetRun")]
    public async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}")] HttpRequestData request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = await new DurableRunLauncher(client, states).GetAsync(id, ct);
        return await request.WriteAsync(StrataApi.Run(instance, id), ct);
    }
}
