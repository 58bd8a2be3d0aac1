using System.Text.Json;
using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Fragments;
using Strata.Lake.Publishing;
using Strata.Load;
using Strata.Partitions;
using Strata.Planning;
using Strata.Quality.Profiles;
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
        var (_, _, partitions, _, _, time) = owner.Services;
        var (parts, fingerprint) = await BuildStages.TimeAsync("fragments", () => batch.Fragments.OfAsync(input.Partition, ct));
        var (previous, failure, skip) = await PartitionBuilds.BeginAsync(
            partitions, input, fingerprint, batch.Committed.GetValueOrDefault(input.Partition), batch.Failures.GetValueOrDefault(input.Partition), ct);
        if (skip is not null)
        {
            return (skip, null);
        }

        var path = OutputPaths.For(source.Name, source.Partition, input.Partition, fingerprint, input.RunNumber);
        var local = temp.File("partition.parquet");
        var (output, assembled, pending, sameBytesAs) = await UnreadAsync(source, parts, path, previous, local, ct)
            ?? await AssembleAsync(source, parts, path, previous, temp, local, ct);
        var record = new PartitionRecord
        {
            Dataset = source.Name,
            Partition = input.Partition,
            Fingerprint = fingerprint,
            OutputHash = assembled.OutputHash,
            OutputPath = path,
            Rows = assembled.Rows,
            SchemaVersion = batch.SchemaVersion,
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

    /// <summary>
    /// A partition that is its one fragment as the parse wrote it, whose size, columns and schema
    /// the parse recorded, and that nothing here has to read (no upsert merge, no widening, no
    /// expectations): described from those facts and copied in storage, never downloaded. Null
    /// when any of that does not hold.
    /// </summary>
    private async Task<Built?> UnreadAsync(SourceDefinition source, IReadOnlyList<FragmentRef> parts, string path, PartitionRecord? previous, string local, CancellationToken ct)
    {
        if (parts is not [{ Size: { } size } part] || source.Upsert is not null || source.Quality.Expectations.Count > 0
            || await batch.Fragments.Headers.GetAsync(part.Sha256, ct) is not { } header
            || FragmentFacts.Of(header) is not { } facts
            || LoadFileTypes.Widened(facts.Schema, batch.Schema) is not null)
        {
            return null;
        }

        var pending = owner.LakeServices.Outputs.Describe(source.Name, input.Partition, LakeContainers.Load, input.RunNumber, path, [], previous, size, facts.Columns, part.Rows);
        var profile = part.Profile is null ? null : JsonSerializer.Deserialize<WrittenProfile>(part.Profile, StrataJson.Options);
        return new Built(local, new PartitionAssembly(facts.Schema, part.Rows, part.OutputHash, Copied: true) { Profile = profile }, pending, part);
    }

    /// <summary>Downloads the fragments and writes the partition file: assembled, merged, widened to the source's types, filtered by expectations.</summary>
    private async Task<Built> AssembleAsync(
        SourceDefinition source, IReadOnlyList<FragmentRef> parts, string path, PartitionRecord? previous, TempFolder temp, string output, CancellationToken ct)
    {
        var (_, _, _, _, storage, _) = owner.Services;
        var (lake, engine) = owner.LakeServices;
        var locals = parts.Select((_, i) => temp.File($"fragment-{i}.parquet")).ToList();
        using (BuildStages.Time("download"))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, parts.Count), new ParallelOptions { MaxDegreeOfParallelism = PartitionBatch.Transfers, CancellationToken = ct },
                async (i, token) => await BlobFiles.DownloadAsync(storage.Container(FragmentPaths.ContainerOf(parts[i].Path)), parts[i].Path, locals[i], token));
        }

        var schema = batch.Schema;
        var assembled = await BuildStages.TimeAsync("assemble", () => owner.Modes.AssembleAsync(source, locals, parts.Select(p => p.OutputHash).ToList(), schema, temp, output, ct));
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
        using (BuildStages.Time("expectations"))
        {
            (output, assembled) = await owner.Expectations.ApplyAsync(source, input.Partition, output, assembled, temp, engine, input.RunId, ct);
        }

        if (output != assembledFile)
        {
            sameBytesAs = null; // expectations took rows out or rewrote the file
        }

        var pending = await BuildStages.TimeAsync("describe", () => lake.DescribeAsync(source.Name, input.Partition, LakeContainers.Load, input.RunNumber, path, [], previous, output, assembled.Rows, ct));
        return new Built(output, assembled, pending, sameBytesAs);
    }

    /// <summary>The raw blobs a load partition holds rows of, as its lineage.</summary>
    private static InputSlice RawSlice(IReadOnlyList<FragmentRef> parts)
    {
        var raw = parts.Select(p => new InputPart(p.Sha256, p.OutputHash)).ToList();
        return new InputSlice("raw", "raw", DatasetCode.SliceDigest(raw), raw.Count, raw);
    }

    /// <summary>A partition file ready to commit: where it is locally (absent when it was not downloaded), what it holds, its pending row, and the fragment it is a byte-for-byte copy of.</summary>
    private sealed record Built(string Local, PartitionAssembly Assembly, PendingOutput Pending, FragmentRef? SameBytesAs);
}
