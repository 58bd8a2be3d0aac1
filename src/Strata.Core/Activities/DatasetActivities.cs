using Microsoft.Extensions.Logging;
using Strata.Definitions;
using Strata.Lake.Publishing;
using Strata.Lineage;
using Strata.Partitions;
using Strata.Planning;
using Strata.Schemas;
using Strata.Storage;
using Strata.Transform;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>
/// Integrate and action activities: plan a dataset, and build its partitions — one per call, or
/// many per call (see <see cref="DatasetPartitionsBuild"/>) — each by running its SQL over exactly
/// the input partitions its mappings select, then committing the result.
/// </summary>
public sealed partial class DatasetActivities(
    PipelineCatalog catalog,
    DatasetPlanner planner,
    PartitionStore partitions,
    SchemaStore schemas,
    LineageStore lineage,
    SqlEngine engine,
    LakeStorage storage,
    LakeOutputs lake,
    TimeProvider time,
    ILogger<DatasetActivities> log,
    Lineage.OpenLineage.OpenLineageEmitter openLineage,
    Quality.QualityHooks quality,
    Quality.Profiles.PartitionProfiles profiles)
{
    public async Task<DatasetPlan> PlanDatasetAsync(PlanDatasetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await planner.PlanAsync(input.Dataset, input.RunNumber, input.Request, ct);
        await quality.RecordBlockedAsync(plan, input.Request, ct);
        await openLineage.StartAsync(input.RunId, input.Dataset, plan.Items.Count, ct);
        return plan;
    }

    /// <summary>Builds one partition. Idempotent: a fingerprint already committed is skipped.</summary>
    public async Task<BuildResult> BuildDatasetPartitionAsync(BuildInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await BuildAsync(input.Dataset, [input], ct))[0];
    }

    /// <summary>
    /// Builds many partitions of one dataset (see <see cref="DatasetPartitionsBuild"/>), each exactly
    /// as <see cref="BuildDatasetPartitionAsync"/> would: its own skip, failure and commit.
    /// </summary>
    public async Task<BuildResult[]> BuildDatasetPartitionsAsync(BuildPartitionsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await BuildAsync(input.Dataset, input.Builds(), ct);
    }

    /// <summary>The quality hooks a partition build calls (expectation counts and quarantine).</summary>
    internal Quality.QualityHooks Quality => quality;

    private async Task<BuildResult[]> BuildAsync(string name, IReadOnlyList<BuildInput> builds, CancellationToken ct)
    {
        using var temp = new TempFolder("build");
        using var build = new DatasetPartitionsBuild(this, name, temp);
        var loaded = new Lazy<Task>(() => build.LoadAsync(builds, ct));

        // Loading happens inside the first partition's guard: a missing dataset fails each partition with its marker.
        return await PartitionBatch.RunAsync(
            partitions, lake, storage, time, builds, async b =>
            {
                await loaded.Value;
                return await build.PrepareAsync(b, ct);
            }, (b, error) => LogFailed(b.Dataset, b.Partition, error), ct, CommittedAsync);

        async Task CommittedAsync(IReadOnlyList<PreparedBuild> won, CancellationToken token)
        {
            await BuildStages.TimeAsync("lineage", () => lineage.RecordManyAsync(won.Select(w => (w.Record.Dataset, w.Record.Partition, build.SelectionsOf(w.Record.Partition))).ToList(), token));
            foreach (var w in won)
            {
                LogBuilt(w.Record.Dataset, w.Record.Partition, w.Record.Rows);
            }

            await BuiltProfiles.RecordAsync(profiles, null, won, token);
        }
    }

    internal DatasetDefinition Dataset(string name) =>
        catalog.PipelineOf(name)?.FindDataset(name) ?? throw new DefinitionException($"no dataset named '{name}'");

    internal (DatasetPlanner Planner, LakeOutputs Lake, PartitionStore Partitions, TimeProvider Time, LakeStorage Storage, SqlEngine Engine) Services =>
        (planner, lake, partitions, time, storage, engine);

    /// <summary>The container an input's partitions are in.</summary>
    internal Azure.Storage.Blobs.BlobContainerClient ContainerOf(string input) => storage.Container(LakeContainers.ForOutput(catalog, input));

    /// <summary>A source input's current schema (its view reads older partitions' missing columns as typed nulls); null for a dataset input.</summary>
    internal async Task<Load.Schema.SourceSchema?> InputSchemaAsync(string input, CancellationToken ct) =>
        catalog.PipelineOf(input)?.FindSource(input) is null ? null : (await schemas.CurrentAsync(input, ct)).Schema;

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Built {Dataset} {Partition}: {Rows} rows")]
    private partial void LogBuilt(string dataset, string partition, long rows);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Building {Dataset} {Partition} failed: {Error}")]
    private partial void LogFailed(string dataset, string partition, string error);
}
