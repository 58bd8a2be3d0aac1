using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Parquet;
using Strata.Partitions;
using Strata.Planning;
using Strata.Storage;
using Strata.Transform;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>
/// Integrate or action builds of many partitions of one dataset: the inputs' rows are read in
/// one range per input, each input partition is downloaded once however many windows hold it,
/// and every partition's SQL runs on one DuckDB database; then <see cref="PartitionBatch"/>
/// records, uploads and commits them. <see cref="PrepareAsync"/> is one partition's build.
/// </summary>
internal sealed class DatasetPartitionsBuild(DatasetActivities owner, string name, TempFolder temp) : IDisposable
{
    private DatasetDefinition _dataset = null!;
    private SqlSession? _session;
    private readonly Dictionary<string, Planned> _planned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _local = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Load.Schema.SourceSchema?> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _samples = new(StringComparer.Ordinal);
    private List<string> _describedFiles = [];
    private int _jobs;
    private IReadOnlyDictionary<string, PartitionRecord> _committed = new Dictionary<string, PartitionRecord>();
    private IReadOnlyDictionary<string, FailureMarker> _failures = new Dictionary<string, FailureMarker>();

    /// <summary>Selects every partition's inputs, reads their commits, and downloads what the stale ones read, each file once.</summary>
    public async Task LoadAsync(IReadOnlyList<BuildInput> builds, CancellationToken ct)
    {
        var (_, _, partitions, _, _, engine) = owner.Services;
        _dataset = owner.Dataset(name);
        var dataset = _dataset;
        var code = DatasetCode.Hash(dataset, engine.EngineVersion);
        var resolver = new InputResolver(partitions, bulk: builds.Count > 1);
        using (BuildStages.Time("inputs"))
        {
            foreach (var build in builds)
            {
                var selections = await resolver.SelectAsync(dataset, build.Partition, ct);
                var slices = selections.Select(s => s.ToSlice()).ToList();
                _planned[build.Partition] = new Planned(selections, slices, DatasetCode.PartitionFingerprint(code, slices));
            }
        }

        (_committed, _failures) = await BuildStages.TimeAsync("batch-reads", () => partitions.GetManyAsync(dataset.Name, _planned.Keys, ct));
        var stale = builds.Where(b => b.Force || _committed.GetValueOrDefault(b.Partition)?.Fingerprint != _planned[b.Partition].Fingerprint);
        var files = stale.SelectMany(b => _planned[b.Partition].Selections).SelectMany(s => s.Parts.Select(p => (s.Input.Name, p.OutputPath))).Distinct().ToList();
        foreach (var (name, path) in files)
        {
            _local[path] = temp.File($"{name}-{_local.Count}.parquet");
        }

        using (BuildStages.Time("download"))
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = PartitionBatch.Transfers, CancellationToken = ct },
                async (f, token) => await BlobFiles.DownloadAsync(owner.ContainerOf(f.Name), f.OutputPath, _local[f.OutputPath], token));
        }

        foreach (var input in dataset.Inputs)
        {
            _schemas[input.Name] = await owner.InputSchemaAsync(input.Name, ct);
        }

        // Only a source input's view needs its files' columns (see InputViews).
        _describedFiles = [.. files.Where(f => _schemas[f.Name] is { Columns.Count: > 0 }).Select(f => _local[f.OutputPath])];
    }

    /// <summary>One partition: skip it when its fingerprint is committed, else run its SQL into local files.</summary>
    public async Task<(BuildResult? Done, PreparedBuild? Build)> PrepareAsync(BuildInput input, CancellationToken ct)
    {
        var (_, lake, _, time, _, engine) = owner.Services;
        var dataset = _dataset;
        var planned = _planned[input.Partition];
        var (previous, failure, skip) = await PartitionBuilds.BeginAsync(
            owner.Services.Partitions, input, planned.Fingerprint, _committed.GetValueOrDefault(input.Partition), _failures.GetValueOrDefault(input.Partition), ct);
        if (skip is not null)
        {
            return (skip, null);
        }

        var inputs = new List<SqlInput>();
        foreach (var s in planned.Selections)
        {
            var schema = _schemas[s.Input.Name];
            var sample = s.Parts.Count == 0 && schema is not { Columns.Count: > 0 } ? await SampleAsync(s.Input.Name, ct) : null;
            inputs.Add(new SqlInput(s.Input.Name, s.Parts.Select(p => _local[p.OutputPath]).ToList(), sample) { Schema = schema });
        }

        var containerName = dataset.Layer == Layer.Action ? LakeContainers.Products : LakeContainers.Integrate;
        var id = $"{_jobs++}";
        var job = new SqlJob(
            dataset.Name,
            input.Partition,
            dataset.Sql,
            inputs,
            temp.File($"out-{id}.parquet"),
            dataset.Formats.Contains(ProductFormat.Csv) ? temp.File($"out-{id}.csv") : null,
            dataset.Formats.Contains(ProductFormat.JsonLines) ? temp.File($"out-{id}.jsonl") : null)
        {
            Expectations = dataset.Quality.Expectations,
            QuarantineJsonLines = temp.File($"quarantined-{id}.jsonl"),
        };
        SqlResult result;
        using (BuildStages.Time("sql"))
        {
            if (_session is null)
            {
                _session = engine.OpenSession();
                _session.ReadColumns(_describedFiles);
            }

            result = _session.Execute(job);
        }

        var rows = result.Rows;
        string outputHash;
        using (BuildStages.Time("output-hash"))
        {
            await using var output = File.OpenRead(job.OutputParquet);
            outputHash = await OutputHasher.HashParquetAsync(output, ct);
        }

        var path = OutputPaths.For(dataset.Name, dataset.Partition, input.Partition, planned.Fingerprint, input.RunNumber);
        var files = new List<(string Local, string Blob)> { (job.OutputParquet, path) };
        if (job.OutputCsv is not null)
        {
            files.Add((job.OutputCsv, OutputPaths.For(dataset.Name, dataset.Partition, input.Partition, planned.Fingerprint, input.RunNumber, "csv")));
        }

        if (job.OutputJsonLines is not null)
        {
            files.Add((job.OutputJsonLines, OutputPaths.For(dataset.Name, dataset.Partition, input.Partition, planned.Fingerprint, input.RunNumber, "jsonl")));
        }

        var extras = files.Skip(1).Select(f => f.Blob).ToList();
        var pending = await BuildStages.TimeAsync("describe", () => lake.DescribeAsync(dataset.Name, input.Partition, containerName, input.RunNumber, path, extras, previous, job.OutputParquet, rows, ct));
        var record = new PartitionRecord
        {
            Dataset = dataset.Name,
            Partition = input.Partition,
            Fingerprint = planned.Fingerprint,
            OutputHash = outputHash,
            OutputPath = path,
            ExtraPaths = extras,
            Rows = rows,
            RunId = input.RunId,
            CommitRun = input.RunNumber,
            CommittedAt = time.GetUtcNow(),
            Inputs = new PartitionInputs(planned.Slices),
        };

        var rowsIn = planned.Selections.Sum(s => s.Parts.Sum(p => p.Rows));
        await BuildStages.TimeAsync("expectations", () => owner.Quality.Expectations.RecordAsync(dataset.Name, input.Partition, result, job.QuarantineJsonLines, input.RunId, ct));
        return (null, new PreparedBuild(input, containerName, record, previous, failure, pending, files, rowsIn));
    }

    /// <summary>No partition selected: an empty view still needs the input's columns, from any one committed file (fetched once).</summary>
    private async Task<string?> SampleAsync(string input, CancellationToken ct)
    {
        if (!_samples.TryGetValue(input, out var sample))
        {
            var any = await owner.Services.Partitions.FirstAsync(input, ct);
            sample = any is null ? null : temp.File($"{input}-schema.parquet");
            if (any is not null)
            {
                await BlobFiles.DownloadAsync(owner.ContainerOf(input), any.OutputPath, sample!, ct);
            }

            _samples[input] = sample;
        }

        return sample;
    }

    /// <summary>The inputs a prepared partition was built from (its lineage).</summary>
    public IReadOnlyList<InputSelection> SelectionsOf(string partition) => _planned[partition].Selections;

    public void Dispose() => _session?.Dispose();

    private sealed record Planned(IReadOnlyList<InputSelection> Selections, IReadOnlyList<InputSlice> Slices, string Fingerprint);
}
