using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Definitions;
using Strata.Fragments;
using Strata.Load;
using Strata.Load.Pii;
using Strata.Partitions;
using Strata.Planning;
using Strata.Schemas;
using Strata.Security;
using Strata.Storage;
using Strata.Workflow.Contracts;
using Strata.Workflow.Local;

namespace Strata.Activities;

/// <summary>
/// Load activities: plan what to parse, parse one raw blob into fragments (once per load spec),
/// plan the partitions those fragments touch (recording schema evolution), and assemble one load
/// partition from its fragments.
/// </summary>
public sealed partial class LoadActivities(
    PipelineCatalog catalog,
    LoadPlanner planner,
    LoadSpecs specs,
    FragmentStore fragments,
    PartitionStore partitions,
    SchemaStore schemas,
    PiiKey piiKey,
    IOptions<LoadEngineOptions> engineOptions,
    LakeStorage storage,
    TimeProvider time,
    Lake.Publishing.LakeOutputs lakeOutputs,
    ILogger<LoadActivities> log,
    Modes.SourceModes modes,
    Lineage.OpenLineage.OpenLineageEmitter openLineage,
    Quality.LoadExpectations expectations,
    Quality.Profiles.PartitionProfiles profiles,
    IOptions<Quality.Profiles.ProfileOptions> profileOptions)
{
    public Task<ParsePlan> PlanParseAsync(PlanParseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return planner.PlanParseAsync(input.Source, input.Force, ct);
    }

    /// <summary>
    /// Parses one raw blob into fragments. Idempotent: a blob already parsed under this spec is reused.
    /// A failure that is not transient (those the host retries) is this blob's alone: it is recorded
    /// and returned as <see cref="ParseSummary.ParseError"/>, so the source's other blobs load; the next
    /// run tries again, and after <see cref="LoadEngineOptions.MaxParseAttempts"/> failures the blob is
    /// quarantined as a file, so a poison file cannot hold its source back for good.
    /// </summary>
    public async Task<ParseSummary> ParseRawBlobAsync(ParseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var source = Source(input.Source);
        if (await fragments.GetHeaderAsync(source.Name, input.SpecKey, input.Blob.Sha256, ct) is { } done)
        {
            return new ParseSummary(done.Sha256, done.RowsRead, done.RowsLoaded, done.RowsQuarantined, done.Partitions, done.FileError, Reused: true) { RawPath = input.Blob.RawPath };
        }

        try
        {
            using var temp = new TempFolder("parse");
            var sink = new TempFragmentSink(temp);
            var outcome = await ParseAsync(source, input, temp, sink, ct);
            return await CommitParseAsync(source, input, outcome, sink, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException && !TransientErrors.IsTransient(e))
        {
            var error = BoundedText.Message(e.Message);
            var max = engineOptions.Value.MaxParseAttempts;
            var attempts = await fragments.RecordParseFailureAsync(source.Name, input.SpecKey, input.Blob.Sha256, error, input.RunId, time.GetUtcNow(), ct);
            LogParseFailed(input.Blob.RawPath, attempts, max, error);
            if (attempts < max)
            {
                return new ParseSummary(input.Blob.Sha256, 0, 0, 0, 0, null, Reused: false)
                {
                    RawPath = input.Blob.RawPath,
                    ParseError = $"parse failed (attempt {attempts} of {max}; the next run tries again): {error}",
                };
            }

            using var temp = new TempFolder("poison");
            var sink = new TempFragmentSink(temp);
            var reason = $"parsing failed {attempts} times (Strata:Load:MaxParseAttempts is {max}), so the file is quarantined; fix the cause and land it again. Last error: {error}";
            var poisoned = await RawBlobParser.QuarantineFileAsync(new RawBlobInput("", RawName(input), input.Blob.IngestDate), sink, reason, ct);
            return await CommitParseAsync(source, input, poisoned, sink, ct);
        }
    }

    private async Task<ParseOutcome> ParseAsync(SourceDefinition source, ParseInput input, TempFolder temp, TempFragmentSink sink, CancellationToken ct)
    {
        var local = temp.File("raw" + Path.GetExtension(input.Blob.RawPath));
        await BlobFiles.DownloadAsync(storage.Container(LakeContainers.Raw), input.Blob.RawPath, local, ct);
        var tokenizer = source.Pii.Any(r => r.Action == PiiAction.Tokenise) ? piiKey.Tokenizer() : null;
        var parser = new RawBlobParser(source, tokenizer, engineOptions.Value) { Profiles = profiles.WhileWriting };
        return await parser.ParseAsync(new RawBlobInput(local, RawName(input), input.Blob.IngestDate), sink, ct);
    }

    /// <summary>Uploads what a parse wrote, then commits its header: from then on the blob counts as parsed.</summary>
    private async Task<ParseSummary> CommitParseAsync(SourceDefinition source, ParseInput input, ParseOutcome outcome, TempFragmentSink sink, CancellationToken ct)
    {
        var files = outcome.Fragments.Select(f => sink.FragmentFile(f.Partition)).ToList();
        var (described, columns, schema) = await FragmentFacts.DescribeAsync(files, $"fragments of {RawName(input)}", ct);
        var refs = outcome.Fragments.Select((f, i) => new FragmentRef(
            f.Partition, input.Blob.Sha256, input.Blob.Sequence, FragmentPaths.Fragment(source.Name, input.SpecKey, input.Blob.Sha256, source.Partition.Key, f.Partition), f.Rows, f.OutputHash)
        {
            Size = described[i].Size,
            Profile = described[i].Profile,
        }).ToList();

        // Fragments are invisible until the header below, so they upload in parallel: a file of many partitions is many small blobs.
        await Parallel.ForEachAsync(Enumerable.Range(0, refs.Count), new ParallelOptions { MaxDegreeOfParallelism = PartitionBatch.Transfers, CancellationToken = ct },
            async (i, token) => await BlobFiles.UploadAsync(storage.Container(FragmentPaths.Container), refs[i].Path, files[i], token));

        string? quarantinePath = null;
        if (sink.QuarantineFile is { } quarantined)
        {
            quarantinePath = FragmentPaths.Quarantine(source.Name, input.SpecKey, input.Blob.IngestDate, input.Blob.Sha256);
            await BlobFiles.UploadAsync(storage.Container(LakeContainers.Quarantine), quarantinePath, quarantined, ct);
        }

        await fragments.CommitParseAsync(new FragmentHeader
        {
            Source = source.Name,
            SpecKey = input.SpecKey,
            Sha256 = input.Blob.Sha256,
            RawPath = input.Blob.RawPath,
            Sequence = input.Blob.Sequence,
            StoredSchema = await fragments.StoreSchemaAsync(source.Name, outcome.Schema, ct),
            RowsRead = outcome.RowsRead,
            RowsLoaded = outcome.RowsLoaded,
            RowsQuarantined = outcome.RowsQuarantined,
            Partitions = refs.Count,
            FileError = outcome.FileError,
            QuarantinePath = quarantinePath,
            FragmentColumns = columns,
            FragmentSchema = schema,
            RunId = input.RunId,
            ParsedAt = time.GetUtcNow(),
        }, refs, ct);

        LogParsed(input.Blob.RawPath, outcome.RowsLoaded, outcome.RowsQuarantined, refs.Count);
        return new ParseSummary(input.Blob.Sha256, outcome.RowsRead, outcome.RowsLoaded, outcome.RowsQuarantined, refs.Count, outcome.FileError, Reused: false) { RawPath = input.Blob.RawPath };
    }

    private static string RawName(ParseInput input) => $"raw/{input.Blob.RawPath}";

    /// <summary>Records schema evolution from the newly parsed blobs (in landing order), then plans the partitions they touch.</summary>
    public async Task<DatasetPlan> PlanLoadAsync(PlanLoadInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parse = input.Parse;
        var incoming = new List<(Load.Schema.SourceSchema, string)>();
        foreach (var blob in parse.NewBlobs.OrderBy(b => b.Sequence))
        {
            if (await fragments.GetHeaderAsync(parse.Source, parse.SpecKey, blob.Sha256, ct) is { FileError: null } header)
            {
                incoming.Add((await fragments.SchemaOfAsync(header, ct), $"raw/{blob.RawPath}"));
            }
        }

        var (_, added) = await schemas.EvolveAsync(parse.Source, incoming, input.RunId, time.GetUtcNow(), ct);
        var plan = await planner.PlanPartitionsAsync(parse, input.Request, record: true, ct);
        await openLineage.StartAsync(input.RunId, parse.Source, plan.Items.Count, ct);
        return plan with { DriftEvents = BoundedText.List([.. added.SelectMany(v => v.DriftEvents.Select(e => $"v{v.Version}: {e}"))]) };
    }

    /// <summary>Assembles one load partition from its fragments and commits it. Idempotent.</summary>
    public async Task<BuildResult> BuildLoadPartitionAsync(BuildInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await BuildAsync(input.Dataset, [input], ct))[0];
    }

    /// <summary>Builds many load partitions of one source, each exactly as <see cref="BuildLoadPartitionAsync"/> would (see <see cref="PartitionBatch"/>).</summary>
    public async Task<BuildResult[]> BuildLoadPartitionsAsync(BuildPartitionsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await BuildAsync(input.Dataset, input.Builds(), ct);
    }

    private async Task<BuildResult[]> BuildAsync(string source, IReadOnlyList<BuildInput> builds, CancellationToken ct)
    {
        var temps = new List<TempFolder>();
        try
        {
            var batch = new Lazy<Task<LoadBatchState>>(() => BatchStateAsync(source, builds, ct));

            // The shared reads happen inside the first partition's guard, like every read of a one-partition build.
            return await PartitionBatch.RunAsync(partitions, lakeOutputs, storage, time, builds, async b =>
            {
                var temp = new TempFolder("assemble");
                temps.Add(temp);
                return await new LoadPartitionBuild(this, b, await batch.Value).PrepareAsync(temp, ct);
            }, (b, error) => LogFailed(b.Dataset, b.Partition, error), ct, (won, token) => BuiltProfiles.RecordAsync(profiles, profileOptions.Value.Enabled ? storage : null, won, token));
        }
        finally
        {
            temps.ForEach(t => t.Dispose());
        }
    }

    /// <summary>What the partitions of one build activity share, read once: commits, failure markers, schema, spec and their fragments.</summary>
    internal async Task<LoadBatchState> BatchStateAsync(string source, IReadOnlyList<BuildInput> builds, CancellationToken ct)
    {
        using var timing = BuildStages.Time("batch-reads");
        var keys = builds.Select(b => b.Partition).ToList();
        var (committed, failures) = await partitions.GetManyAsync(source, keys, ct);
        var (version, schema, _) = await schemas.CurrentAsync(source, ct);
        var definition = Source(source);
        return new LoadBatchState(committed, failures, version, schema, modes.FragmentsOf(definition, specs.HashOf(definition), keys));
    }

    internal SourceDefinition Source(string name) =>
        catalog.PipelineOf(name)?.FindSource(name) ?? throw new DefinitionException($"no source named '{name}'");

    /// <summary>What a partition build needs from its source's mode.</summary>
    internal Modes.SourceModes Modes => modes;

    internal Quality.LoadExpectations Expectations => expectations;

    internal (LoadSpecs Specs, FragmentStore Fragments, PartitionStore Partitions, SchemaStore Schemas, LakeStorage Storage, TimeProvider Time) Services =>
        (specs, fragments, partitions, schemas, storage, time);

    internal (Lake.Publishing.LakeOutputs Outputs, LoadEngineOptions Engine) LakeServices => (lakeOutputs, engineOptions.Value);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Parsed raw/{RawPath}: {Rows} rows loaded, {Quarantined} quarantined, {Partitions} partition(s)")]
    private partial void LogParsed(string rawPath, long rows, long quarantined, int partitions);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Building load partition {Source} {Partition} failed: {Error}")]
    private partial void LogFailed(string source, string partition, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Parsing raw/{RawPath} failed (attempt {Attempt} of {MaxAttempts}): {Error}")]
    private partial void LogParseFailed(string rawPath, int attempt, int maxAttempts, string error);
}
