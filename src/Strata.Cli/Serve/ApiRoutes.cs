using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Strata.Api;

namespace Strata.Cli.Serve;

/// <summary>The HTTP API's routes over <see cref="StrataApi"/>: the same routes, codes and JSON as the Functions app.</summary>
internal static class ApiRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pipelines/{pipeline}/runs", async (string pipeline, HttpRequest request, StrataApi api, IRunLauncher launcher, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var (run, error) = api.ParseRun(pipeline, await reader.ReadToEndAsync(ct), "http");
            if (error is not null)
            {
                return Write(error);
            }

            var launch = await launcher.StartAsync(run!, ct);
            return Write(StrataApi.Accepted($"{request.Scheme}://{request.Host}", launch));
        });

        app.MapGet("/api/runs/{id}", async (string id, IRunLauncher launcher, CancellationToken ct) =>
            Write(StrataApi.Run(await launcher.GetAsync(id, ct), id)));

        app.MapGet("/api/pipelines/{pipeline}/plan", async (string pipeline, string? force, string? from, string? to, StrataApi api, CancellationToken ct) =>
            Write(await api.PlanAsync(pipeline, force, from, to, ct)));

        app.MapGet("/api/pipelines/{pipeline}/datasets/{dataset}/partitions", async (string pipeline, string dataset, string? from, string? to, string? limit, StrataApi api, CancellationToken ct) =>
            Write(await api.PartitionsAsync(pipeline, dataset, from, to, limit, ct)));

        app.MapGet("/api/lineage/{dataset}/{partition}", async (string dataset, string partition, StrataApi api, CancellationToken ct) =>
            Write(await api.LineageAsync(dataset, partition, ct)));

        app.MapGet("/api/pipelines", async (StrataApi api, CancellationToken ct) => Write(await api.PipelinesAsync(ct)));

        app.MapGet("/api/pipelines/{pipeline}/graph", async (string pipeline, StrataApi api, CancellationToken ct) =>
            Write(await api.GraphAsync(pipeline, ct)));

        app.MapGet("/api/pipelines/{pipeline}/runs", async (string pipeline, string? limit, StrataApi api, CancellationToken ct) =>
            Write(await api.RunsAsync(pipeline, limit, ct)));

        app.MapGet("/api/pipelines/{pipeline}/schemas", async (string pipeline, StrataApi api, CancellationToken ct) =>
            Write(await api.SchemasAsync(pipeline, ct)));

        app.MapGet("/api/pipelines/{pipeline}/datasets/{dataset}", async (string pipeline, string dataset, StrataApi api, CancellationToken ct) =>
            Write(await api.DatasetAsync(pipeline, dataset, ct)));

        app.MapGet("/api/pipelines/{pipeline}/datasets/{dataset}/grid", async (string pipeline, string dataset, string? from, string? limit, StrataApi api, CancellationToken ct) =>
            Write(await api.GridAsync(pipeline, dataset, from, limit, ct)));

        app.MapGet("/api/raw/{source}/{sha}", async (string source, string sha, StrataApi api, CancellationToken ct) =>
            Write(await api.RawAsync(source, sha, ct)));

        app.MapGet("/api/pipelines/{pipeline}/datasets/{dataset}/checks", async (string pipeline, string dataset, string? partition, StrataApi api, CancellationToken ct) =>
            Write(await api.ChecksAsync(pipeline, dataset, partition, ct)));
        app.MapPost("/api/pipelines/{pipeline}/datasets/{dataset}/checks/accept", async (string pipeline, string dataset, HttpRequest request, StrataApi api, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            return Write(await api.AcceptCheckAsync(pipeline, dataset, await reader.ReadToEndAsync(ct), ct));
        });

        app.MapGet("/api/pipelines/{pipeline}/quarantine", async (string pipeline, string? page, string? limit, StrataApi api, CancellationToken ct) =>
            Write(await api.QuarantineAsync(pipeline, page, limit, ct)));
    }

    private static ApiJsonResult Write(ApiResult result) => new(result);

    private sealed class ApiJsonResult(ApiResult result) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = result.Status;
            if (result.Location is not null)
            {
                httpContext.Response.Headers.Location = result.Location;
            }

            await httpContext.Response.WriteAsJsonAsync(result.Body, result.Body?.GetType() ?? typeof(object), StrataJson.Options, httpContext.RequestAborted);
        }
    }
}
