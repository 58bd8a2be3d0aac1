using System.Globalization;
using Strata.Definitions;
using Strata.Lineage;
using Strata.Planning;
using Strata.Status;
using Strata.Workflow.Contracts;

namespace Strata.Api;

/// <summary>
/// The HTTP API's logic, shared by <c>strata serve</c> and the Functions app so both answer
/// with the same routes, status codes and JSON shapes. Hosts only move requests in and results out.
/// </summary>
public sealed class StrataApi(PipelineCatalog catalog, PipelinePlanner planner, StatusService status, LineageService lineage, QuarantineReader quarantine)
{
    /// <summary>Default and maximum page sizes for list endpoints.</summary>
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The relative status URL of a run instance.</summary>
    public static string StatusPath(string instanceId) => $"/api/runs/{Uri.EscapeDataString(instanceId)}";

    /// <summary>Checks a run request; on success the host starts it and answers 202.</summary>
    public (RunRequest? Request, ApiResult? Error) ParseRun(string pipeline, string? body, string trigger) =>
        catalog.Find(pipeline) is { } definition
            ? RunRequestBody.Parse(definition, body, trigger)
            : (null, UnknownPipeline(pipeline));

    /// <summary>The 202 the local host answers after starting a run (the Functions app answers Durable's own check-status response).</summary>
    public static ApiResult Accepted(string baseUrl, RunLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var status = baseUrl.TrimEnd('/') + StatusPath(launch.InstanceId);
        return new ApiResult(202, new { id = launch.InstanceId, statusQueryGetUri = status, started = launch.Started }, status);
    }

    public static ApiResult Run(RunInstanceStatus? instance, string id) =>
        instance is null ? ApiResult.NotFound($"no run instance '{id}'") : ApiResult.Ok(instance);

    /// <summary>The plan; <paramref name="force"/> is the query text (<c>true</c>/<c>false</c>, absent = false).</summary>
    public async Task<ApiResult> PlanAsync(string pipeline, string? force, string? from, string? to, CancellationToken ct)
    {
        if (catalog.Find(pipeline) is null)
        {
            return UnknownPipeline(pipeline);
        }

        if (!bool.TryParse(force ?? "false", out var forced))
        {
            return ApiResult.BadRequest("force", $"force must be true or false, not '{force}'");
        }

        return ApiResult.Ok(await planner.PlanAsync(new RunRequest(pipeline, forced, null, from, to), ct));
    }

    public async Task<ApiResult> PartitionsAsync(string pipeline, string dataset, string? from, string? to, string? limit, CancellationToken ct)
    {
        if (catalog.Find(pipeline) is not { } definition)
        {
            return UnknownPipeline(pipeline);
        }

        if (definition.FindSource(dataset) is null && definition.FindDataset(dataset) is null)
        {
            return ApiResult.NotFound($"pipeline '{pipeline}' has no source or dataset '{dataset}'");
        }

        if (ParseLimit(limit) is not { } count)
        {
            return ApiResult.BadRequest("limit", $"limit must be a whole number from 1 to {MaxLimit}");
        }

        return ApiResult.Ok(new { pipeline, dataset, partitions = await status.PartitionsAsync(dataset, from, to, count, ct) });
    }

    public async Task<ApiResult> LineageAsync(string dataset, string partition, CancellationToken ct)
    {
        if (catalog.PipelineOf(dataset) is null)
        {
            return ApiResult.NotFound($"no source or dataset named '{dataset}'");
        }

        return ApiResult.Ok(await lineage.ForPartitionAsync(dataset, partition, ct));
    }

    public async Task<ApiResult> QuarantineAsync(string pipeline, string? page, string? limit, CancellationToken ct)
    {
        if (catalog.Find(pipeline) is null)
        {
            return UnknownPipeline(pipeline);
        }

        if (ParseLimit(limit) is not { } count)
        {
            return ApiResult.BadRequest("limit", $"limit must be a whole number from 1 to {MaxLimit}");
        }

        try
        {
            return ApiResult.Ok(await quarantine.ReadAsync(pipeline, page, count, ct));
        }
        catch (FormatException e)
        {
            return ApiResult.BadRequest("page", e.Message);
        }
    }

    private static int? ParseLimit(string? text) =>
        text is null ? DefaultLimit
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxLimit ? n
        : null;

    private ApiResult UnknownPipeline(string pipeline) =>
        ApiResult.NotFound($"no pipeline named '{pipeline}'; known pipelines: {string.Join(", ", catalog.Pipelines.Select(p => p.Name))}");
}
