using System.Globalization;
using Strata.Definitions;
using Strata.Lineage;
using Strata.Planning;
using Strata.Status;
using Strata.Views;
using Strata.Workflow.Contracts;

namespace Strata.Api;

/// <summary>
/// The HTTP API's logic, shared by <c>strata serve</c> and the Functions app so both answer
/// with the same routes, status codes and JSON shapes. Hosts only move requests in and results out.
/// </summary>
public sealed class StrataApi(
    PipelineCatalog catalog, PipelinePlanner planner, StatusService status, LineageService lineage, QuarantineReader quarantine,
    GraphViews graphs, DatasetViews datasets, HistoryViews history, Quality.ChecksApi checks)
{
    /// <summary>Default and maximum page sizes for list endpoints.</summary>
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Default and maximum partitions per page of the columnar grid: a virtualised grid asks for many at once.</summary>
    public const int DefaultGridLimit = 5000;
    public const int MaxGridLimit = 50_000;

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

    public Task<ApiResult> PartitionsAsync(string pipeline, string dataset, string? from, string? to, string? limit, CancellationToken ct) =>
        WithDatasetAsync(pipeline, dataset, async _ => ParseLimit(limit) is not { } count
            ? BadLimit(MaxLimit)
            : ApiResult.Ok(new { pipeline, dataset, partitions = await status.PartitionsAsync(dataset, from, to, count, ct) }));

    /// <summary>Every pipeline with its counts, the run holding it and its last run.</summary>
    public async Task<ApiResult> PipelinesAsync(CancellationToken ct) =>
        ApiResult.Ok(new { pipelines = await graphs.PipelinesAsync(ct) });

    /// <summary>A pipeline's sources and datasets with their state and counts, and its input edges.</summary>
    public Task<ApiResult> GraphAsync(string pipeline, CancellationToken ct) =>
        WithPipelineAsync(pipeline, async definition => ApiResult.Ok(await graphs.GraphAsync(definition, ct)));

    /// <summary>A source's or dataset's overview: totals, failures and the stale partitions with their reasons.</summary>
    public Task<ApiResult> DatasetAsync(string pipeline, string dataset, CancellationToken ct) =>
        WithDatasetAsync(pipeline, dataset, async definition => ApiResult.Ok(await datasets.DatasetAsync(definition, dataset, ct)));

    /// <summary>A page of committed partitions as columns, from key <paramref name="from"/> (inclusive); <c>next</c> names the following page.</summary>
    public Task<ApiResult> GridAsync(string pipeline, string dataset, string? from, string? limit, CancellationToken ct) =>
        WithDatasetAsync(pipeline, dataset, async _ => ParseLimit(limit, DefaultGridLimit, MaxGridLimit) is not { } count
            ? BadLimit(MaxGridLimit)
            : ApiResult.Ok(await datasets.GridAsync(dataset, from, count, ct)));

    /// <summary>A pipeline's recent runs, newest first, with each finished run's summary.</summary>
    public Task<ApiResult> RunsAsync(string pipeline, string? limit, CancellationToken ct) =>
        WithPipelineAsync(pipeline, async definition => ParseLimit(limit) is not { } count
            ? BadLimit(MaxLimit)
            : ApiResult.Ok(await history.RunsAsync(definition, count, ct)));

    /// <summary>Every schema version of every source of a pipeline, with its drift events.</summary>
    public Task<ApiResult> SchemasAsync(string pipeline, CancellationToken ct) =>
        WithPipelineAsync(pipeline, async definition => ApiResult.Ok(await history.SchemasAsync(definition, ct)));

    /// <summary>A raw blob's receipt and every partition it reaches.</summary>
    public async Task<ApiResult> RawAsync(string source, string sha, CancellationToken ct)
    {
        if (catalog.PipelineOf(source)?.FindSource(source) is null)
        {
            return ApiResult.NotFound($"no source named '{source}'");
        }

        var view = await history.RawAsync(source, sha, ct);
        return view.Receipt is null ? ApiResult.NotFound($"source '{source}' has landed no raw blob with SHA-256 '{sha}'") : ApiResult.Ok(view);
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
            return BadLimit(MaxLimit);
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

    /// <summary>A source's or dataset's checks, their latest results (of one partition when given), held and waiting partitions, and expectation counts.</summary>
    public Task<ApiResult> ChecksAsync(string pipeline, string dataset, string? partition, CancellationToken ct) =>
        WithDatasetAsync(pipeline, dataset, async _ => ApiResult.Ok(await checks.ListAsync(dataset, partition, ct)));

    /// <summary>Accepts a failing check result (body: <see cref="AcceptCheckBody"/>); answers the result with its acceptance.</summary>
    public Task<ApiResult> AcceptCheckAsync(string pipeline, string dataset, string? body, CancellationToken ct) =>
        AcceptCheckAsync(pipeline, dataset, body, caller: null, ct);

    /// <summary>Accepts a failing check result as <paramref name="caller"/>, the identity the host authenticated (recorded as who accepted it).</summary>
    public Task<ApiResult> AcceptCheckAsync(string pipeline, string dataset, string? body, string? caller, CancellationToken ct) =>
        WithDatasetAsync(pipeline, dataset, async _ =>
        {
            var (accept, error) = AcceptCheckBody.Parse(body, caller);
            if (error is not null)
            {
                return error;
            }

            try
            {
                return ApiResult.Ok(await checks.AcceptAsync(dataset, accept!.Partition!, accept.Check!, accept.By!, accept.Reason!, ct));
            }
            catch (Quality.QualityException e)
            {
                return ApiResult.NotFound(e.Message);
            }
        });

    private static int? ParseLimit(string? text, int fallback = DefaultLimit, int max = MaxLimit) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n
        : null;

    private static ApiResult BadLimit(int max) => ApiResult.BadRequest("limit", $"limit must be a whole number from 1 to {max}");

    private Task<ApiResult> WithPipelineAsync(string pipeline, Func<PipelineDefinition, Task<ApiResult>> answer) =>
        catalog.Find(pipeline) is { } definition ? answer(definition) : Task.FromResult(UnknownPipeline(pipeline));

    private Task<ApiResult> WithDatasetAsync(string pipeline, string dataset, Func<PipelineDefinition, Task<ApiResult>> answer) =>
        WithPipelineAsync(pipeline, definition => definition.FindSource(dataset) is null && definition.FindDataset(dataset) is null
            ? Task.FromResult(ApiResult.NotFound($"pipeline '{pipeline}' has no source or dataset '{dataset}'"))
            : answer(definition));

    private ApiResult UnknownPipeline(string pipeline) =>
        ApiResult.NotFound($"no pipeline named '{pipeline}'; known pipelines: {string.Join(", ", catalog.Pipelines.Select(p => p.Name))}");
}
