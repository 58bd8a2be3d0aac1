using Microsoft.Extensions.Logging;
using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Lake.Publishing;
using Strata.Lineage;
using Strata.Parquet;
using Strata.Partitions;
using Strata.Planning;
using Strata.Schemas;
using Strata.Storage;
using Strata.Transform;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>
/// Integrate and action activities: plan a dataset, and build one partition by running its SQL
/// over exactly the input partitions its mappings select, then committing the result.
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
    Quality.Profiles.PartitionProfiles profiles)
{
    public async Task<DatasetPlan> PlanDatasetAsync(PlanDatasetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await planner.PlanAsync(input.Dataset, input.RunNumber, input.Request, ct);
        await openLineage.StartAsync(input.RunId, input.Dataset, plan.Items.Count, ct);
        return plan;
    }

    /// <summary>Builds one partition. Idempotent: a fingerprint already committed is skipped.</summary>
    public async Task<BuildResult> BuildDatasetPartitionAsync(BuildInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await PartitionBuilds.GuardAsync(partitions, input, time, error => LogFailed(input.Dataset, input.Partition, error), () => BuildAsync(input, ct));
    }

    private async Task<BuildResult> BuildAsync(BuildInput input, CancellationToken ct)
    {
        var dataset = catalog.PipelineOf(input.Dataset)?.FindDataset(input.Dataset) ?? throw new DefinitionException($"no dataset named '{input.Dataset}'");
        var code = DatasetCode.Hash(dataset, engine.EngineVersion);
        var selections = await new InputResolver(partitions, bulk: false).SelectAsync(dataset, input.Partition, ct);
        var slices = selections.Select(s => s.ToSlice()).ToList();
        var fingerprint = DatasetCode.PartitionFingerprint(code, slices);
        var (previous, failure, skip) = await PartitionBuilds.BeginAsync(partitions, input, fingerprint, ct);
        if (skip is not null)
        {
            return skip;
        }

        using var temp = new TempFolder("build");
        var inputs = new List<SqlInput>();
        foreach (var selection in selections)
        {
            inputs.Add(await DownloadInputAsync(selection, temp, ct));
        }

        var containerName = dataset.Layer == Layer.Action ? LakeContainers.Products : LakeContainers.Integrate;
        var container = storage.Container(containerName);
        var job = new SqlJob(
            dataset.Name,
            input.Partition,
            dataset.Sql,
            inputs,
            temp.File("out.parquet"),
            dataset.Formats.Contains(ProductFormat.Csv) ? temp.File("out.csv") : null,
            dataset.Formats.Contains(ProductFormat.JsonLines) ? temp.File("out.jsonl") : null);
        var rows = await Task.Run(() => engine.Execute(job), ct);

        string outputHash;
        await using (var output = File.OpenRead(job.OutputParquet))
        {
            outputHash = await OutputHasher.HashParquetAsync(output, ct);
        }

        var path = OutputPaths.For(dataset.Name, dataset.Partition, input.Partition, fingerprint, input.RunNumber);
        var extras = new List<(string Local, string Blob)>();
        if (job.OutputCsv is not null)
        {
            extras.Add((job.OutputCsv, OutputPaths.For(dataset.Name, dataset.Partition, input.Partition, fingerprint, input.RunNumber, "csv")));
        }

        if (job.OutputJsonLines is not null)
        {
            extras.Add((job.OutputJsonLines, OutputPaths.For(dataset.Name, dataset.Partition, input.Partition, fingerprint, input.RunNumber, "jsonl")));
        }

        await lake.ExpectAsync(dataset.Name, input.Partition, containerName, input.RunNumber, path, extras.Select(e => e.Blob).ToList(), previous, job.OutputParquet, rows, ct);
        foreach (var (local, blob) in extras.Prepend((job.OutputParquet, path)))
        {
            await BlobFiles.UploadAsync(container, blob, local, ct);
        }

        var record = new PartitionRecord
        {
            Dataset = dataset.Name,
            Partition = input.Partition,
            Fingerprint = fingerprint,
            OutputHash = outputHash,
            OutputPath = path,
            ExtraPaths = extras.Select(e => e.Blob).ToList(),
            Rows = rows,
            RunId = input.RunId,
            CommitRun = input.RunNumber,
            CommittedAt = time.GetUtcNow(),
            Inputs = new PartitionInputs(slices),
        };

        var rowsIn = selections.Sum(s => s.Parts.Sum(p => p.Rows));
        if (!await partitions.CommitAsync(record, previous, failure, ct))
        {
            // Another build of this partition committed first: ours is garbage, unless that build wrote the same names.
            await PartitionBuilds.DiscardAsync(partitions, container, input, extras.Select(e => e.Blob).Prepend(path), ct);

            return new BuildResult(input.Partition, BuildOutcome.Skipped, rowsIn, 0, null, null);
        }

        await lineage.RecordAsync(dataset.Name, input.Partition, selections, ct);
        var outcome = previous?.OutputHash == outputHash ? BuildOutcome.Unchanged : BuildOutcome.Built;
        if (outcome == BuildOutcome.Built)
        {
            await profiles.RecordAsync(dataset.Name, input.Partition, input.RunId, job.OutputParquet, ct);
        }

        LogBuilt(dataset.Name, input.Partition, rows, outcome);
        return new BuildResult(input.Partition, outcome, rowsIn, rows, outputHash, null) { Bytes = extras.Sum(e => new FileInfo(e.Local).Length) + new FileInfo(job.OutputParquet).Length };
    }

    private async Task<SqlInput> DownloadInputAsync(InputSelection selection, TempFolder temp, CancellationToken ct)
    {
        var files = new List<string>();
        foreach (var part in selection.Parts)
        {
            var local = temp.File($"{selection.Input.Name}-{files.Count}.parquet");
            await BlobFiles.DownloadAsync(storage.Container(ContainerOf(selection.Input.Name)), part.OutputPath, local, ct);
            files.Add(local);
        }

        // A source's view has its current schema: older partitions read newer columns as typed nulls.
        var schema = catalog.PipelineOf(selection.Input.Name)?.FindSource(selection.Input.Name) is null ? null : (await schemas.CurrentAsync(selection.Input.Name, ct)).Schema;
        string? sample = null;
        if (files.Count == 0 && schema is not { Columns.Count: > 0 } && await partitions.FirstAsync(selection.Input.Name, ct) is { } any)
        {
            // No partition selected: an empty view still needs the input's columns.
            sample = temp.File($"{selection.Input.Name}-schema.parquet");
            await BlobFiles.DownloadAsync(storage.Container(ContainerOf(selection.Input.Name)), any.OutputPath, sample, ct);
        }

        return new SqlInput(selection.Input.Name, files, sample) { Schema = schema };
    }

    private string ContainerOf(string name) => LakeContainers.ForOutput(catalog, name);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Built {Dataset} {Partition}: {Rows} rows ({Outcome})")]
    private partial void LogBuilt(string dataset, string partition, long rows, BuildOutcome outcome);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Building {Dataset} {Partition} failed: {Error}")]
    private partial void LogFailed(string dataset, string partition, string error);
}
