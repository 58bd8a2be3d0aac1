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
/// Parquet file (empty when none) at the source's current types, ready for
/// <see cref="PartitionBatch"/> to record as pending for the lake, upload and commit atomically.
/// </summary>
/// <param name="owner">The activities, for their services.</param>
/// <param name="input">The partition.</param>
/// <param name="batch">What the activity read once for all its partitions.</param>
internal sealed class LoadPartitionBuild(LoadActivities owner, BuildInput input, LoadBatchState batch)
{
    public async Task<(BuildResult? Done, PreparedBuild? Build)> PrepareAsync(TempFolder temp, CancellationToken ct)
    {
        var source = owner.Source(input.Dataset);
        var (specs, _, partitions, _, storage, time) = owner.Services;
        var (lake, engine) = owner.LakeServices;
        var spec = specs.HashOf(source);
        var (parts, fingerprint) = await owner.Modes.FragmentsOfAsync(source, spec, input.Partition, ct);
        var (previous, failure, skip) = await PartitionBuilds.BeginAsync(
            partitions, input, fingerprint, batch.Committed.GetValueOrDefault(input.Partition), batch.Failures.GetValueOrDefault(input.Partition), ct);
        if (skip is not null)
        {
            return (skip, null);
        }

        var locals = parts.Select((_, i) => temp.File($"fragment-{i}.parquet")).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, parts.Count), new ParallelOptions { MaxDegreeOfParallelism = PartitionBatch.Transfers, CancellationToken = ct },
            async (i, token) => await BlobFiles.DownloadAsync(storage.Container(FragmentPaths.ContainerOf(parts[i].Path)), parts[i].Path, locals[i], token));

        var output = temp.File("partition.parquet");
        var (version, schema) = (batch.SchemaVersion, batch.Schema);
        var assembled = await owner.Modes.AssembleAsync(source, locals, parts.Select(p => p.OutputHash).ToList(), schema, temp, output, ct);
        var sameBytesAs = assembled.Copied && parts.Count == 1 ? parts[0] : null;
        if (LoadFileTypes.Widened(assembled.Schema, schema) is { } widened)
        {
            sameBytesAs = null;
            // Every file of a Delta table must have the table's type: a partition whose own rows
            // are narrower than the source has become is written at the source's types.
            output = temp.File("partition-widened.parquet");
            assembled = await LoadFileTypes.WidenAsync(temp.File("partition.parquet"), widened, output, engine, ct);
        }

        var assembledFile = output;
        (output, assembled) = await owner.Expectations.ApplyAsync(source, input.Partition, output, assembled, temp, engine, input.RunId, ct);
        if (output != assembledFile)
        {
            sameBytesAs = null; // expectations took rows out or rewrote the file
        }

        var path = OutputPaths.For(source.Name, source.Partition, input.Partition, fingerprint, input.RunNumber);
        var pending = await lake.DescribeAsync(source.Name, input.Partition, LakeContainers.Load, input.RunNumber, path, [], previous, output, assembled.Rows, ct);
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

        return (null, new PreparedBuild(input, LakeContainers.Load, record, previous, failure, pending, [(output, path)], assembled.Rows)
        {
            // The partition is its one fragment byte for byte: the batch copies that blob in storage instead of uploading the download.
            SameBytesAs = sameBytesAs is null ? null : (FragmentPaths.ContainerOf(sameBytesAs.Path), sameBytesAs.Path),
            // Null when widening, an upsert merge or expectations rewrote the file: those are profiled from it.
            Profile = assembled.Profile,
        });
    }

    /// <summary>The raw blobs a load partition holds rows of, as its lineage.</summary>
    private static InputSlice RawSlice(IReadOnlyList<FragmentRef> parts)
    {
        var raw = parts.Select(p => new InputPart(p.Sha256, p.OutputHash)).ToList();
        return new InputSlice("raw", "raw", DatasetCode.SliceDigest(raw), raw.Count, raw);
    }
}
