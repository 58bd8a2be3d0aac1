using Strata.Fingerprints;
using Strata.Fragments;
using Strata.Lake.Publishing;
using Strata.Load;
using Strata.Partitions;
using Strata.Planning;
using Strata.Storage;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>
/// One load partition build: the fragments its source's mode counts, in landing order → one
/// Parquet file (empty when none) at the source's current types → recorded as pending for the
/// lake → uploaded → atomic commit.
/// </summary>
internal sealed class LoadPartitionBuild(LoadActivities owner, BuildInput input)
{
    public async Task<BuildResult> RunAsync(CancellationToken ct)
    {
        var source = owner.Source(input.Dataset);
        var (specs, fragments, partitions, schemas, storage, time) = owner.Services;
        var (lake, engine) = owner.LakeServices;
        var spec = specs.HashOf(source);
        var (parts, fingerprint) = await owner.Modes.FragmentsOfAsync(source, spec, input.Partition, ct);
        var (previous, failure, skip) = await PartitionBuilds.BeginAsync(partitions, input, fingerprint, ct);
        if (skip is not null)
        {
            return skip;
        }

        using var temp = new TempFolder("assemble");
        var load = storage.Container(LakeContainers.Load);
        var locals = new List<string>();
        foreach (var part in parts)
        {
            var local = temp.File($"fragment-{locals.Count}.parquet");
            await BlobFiles.DownloadAsync(storage.Container(FragmentPaths.ContainerOf(part.Path)), part.Path, local, ct);
            locals.Add(local);
        }

        var output = temp.File("partition.parquet");
        var (version, schema, _) = await schemas.CurrentAsync(source.Name, ct);
        var assembled = await owner.Modes.AssembleAsync(source, locals, parts.Select(p => p.OutputHash).ToList(), schema, temp, output, ct);
        if (LoadFileTypes.Widened(assembled.Schema, schema) is { } widened)
        {
            // Every file of a Delta table must have the table's type: a partition whose own rows
            // are narrower than the source has become is written at the source's types.
            output = temp.File("partition-widened.parquet");
            assembled = await LoadFileTypes.WidenAsync(temp.File("partition.parquet"), widened, output, engine, ct);
        }

        var path = OutputPaths.For(source.Name, source.Partition, input.Partition, fingerprint, input.RunNumber);
        await lake.ExpectAsync(source.Name, input.Partition, LakeContainers.Load, input.RunNumber, path, [], previous, output, assembled.Rows, ct);
        await BlobFiles.UploadAsync(load, path, output, ct);

        var record = new PartitionRecord
        {
            Dataset = source.Name,
            Partition = input.Partition,
            Fingerprint = fingerprint,
            OutputHash = assembled.OutputHash,
            OutputPath = path,
            Rows = assembled.Rows,
            SchemaVersion = version,
            RunId = input.RunId,
            CommitRun = input.RunNumber,
            CommittedAt = time.GetUtcNow(),
            Inputs = new PartitionInputs([RawSlice(parts)]),
        };

        if (!await partitions.CommitAsync(record, previous, failure, ct))
        {
            // Lost the race to another build of the same partition: ours is garbage, unless that build wrote the same name.
            await PartitionBuilds.DiscardAsync(partitions, load, input, [path], ct);
            return new BuildResult(input.Partition, BuildOutcome.Skipped, assembled.Rows, 0, null, null);
        }

        var outcome = previous?.OutputHash == assembled.OutputHash ? BuildOutcome.Unchanged : BuildOutcome.Built;
        if (outcome == BuildOutcome.Built)
        {
            await owner.Profiles.RecordAsync(source.Name, input.Partition, input.RunId, output, ct);
        }

        return new BuildResult(input.Partition, outcome, assembled.Rows, assembled.Rows, assembled.OutputHash, null) { Bytes = new FileInfo(output).Length };
    }

    /// <summary>The raw blobs a load partition holds rows of, as its lineage.</summary>
    private static InputSlice RawSlice(IReadOnlyList<FragmentRef> parts)
    {
        var raw = parts.Select(p => new InputPart(p.Sha256, p.OutputHash)).ToList();
        return new InputSlice("raw", "raw", DatasetCode.SliceDigest(raw), raw.Count, raw);
    }
}
