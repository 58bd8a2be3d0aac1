using System.Runtime.ExceptionServices;
using Strata.Lake.Publishing;
using Strata.Partitions;
using Strata.Storage;
using Strata.Workflow.Contracts;

namespace Strata.Activities;

/// <summary>
/// Builds many partitions of one dataset in one activity, with each partition's rules unchanged:
/// its own fingerprint check and failure marker (<see cref="PartitionBuilds"/>), its own
/// conditional commit. What is shared is the cost around them: the pending rows are recorded in
/// entity-group transactions before any upload, the files upload in parallel, and the commits go
/// in transactions of up to 100 rows (a chunk that loses a race is committed row by row, see
/// <see cref="PartitionStore.CommitManyAsync"/>).
/// </summary>
/// <remarks>
/// A partition that fails with the user's error (bad SQL, a file the table cannot hold) is a Failed
/// result and the others go on. Storage trouble in one partition does not stop the others either,
/// but once they are committed the activity rethrows it, so the host retries the activity: the
/// retry skips every partition already committed (its fingerprint is there) and redoes the rest.
/// </remarks>
internal static class PartitionBatch
{
    /// <summary>Transfers in flight at once within one activity.</summary>
    public const int Transfers = 8;

    // Stands in for a partition that is prepared and waits for the batch's commit.
    private static readonly BuildResult Prepared = new("", BuildOutcome.Built, 0, 0, null, null);

    /// <summary>
    /// Prepares each input in order with <paramref name="prepare"/> (which answers a finished result —
    /// skipped — or a <see cref="PreparedBuild"/>), then commits all prepared builds together.
    /// </summary>
    public static async Task<BuildResult[]> RunAsync(
        PartitionStore partitions, LakeOutputs lake, LakeStorage storage, TimeProvider time,
        IReadOnlyList<BuildInput> inputs, Func<BuildInput, Task<(BuildResult? Done, PreparedBuild? Build)>> prepare,
        Action<BuildInput, string> logFailed, CancellationToken ct, Func<IReadOnlyList<PreparedBuild>, CancellationToken, Task>? committed = null)
    {
        var results = new BuildResult?[inputs.Count];
        var prepared = new List<(int Index, PreparedBuild Build)>();
        ExceptionDispatchInfo? storageError = null;
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            PreparedBuild? build = null;
            try
            {
                var result = await PartitionBuilds.GuardAsync(partitions, input, time, error => logFailed(input, error), async () =>
                {
                    (var done, build) = await prepare(input);
                    return done ?? Prepared;
                });
                if (build is null)
                {
                    results[i] = result;
                }
                else
                {
                    prepared.Add((i, build));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                storageError ??= ExceptionDispatchInfo.Capture(e);
            }
        }

        foreach (var (index, result) in await CommitAsync(partitions, lake, storage, prepared, committed, ct))
        {
            results[index] = result;
        }

        storageError?.Throw();
        return results.Select(r => r!).ToArray();
    }

    /// <summary>Records every prepared file as pending, uploads them all, commits, then discards the losers' files and tells <paramref name="committed"/> of the winners.</summary>
    private static async Task<List<(int Index, BuildResult Result)>> CommitAsync(
        PartitionStore partitions, LakeOutputs lake, LakeStorage storage, List<(int Index, PreparedBuild Build)> prepared,
        Func<IReadOnlyList<PreparedBuild>, CancellationToken, Task>? committed, CancellationToken ct)
    {
        var results = new List<(int, BuildResult)>();
        if (prepared.Count == 0)
        {
            return results;
        }

        // Pending rows before any upload: no file in a dataset folder is ever unknown to the lake.
        await BuildStages.TimeAsync("pending", () => lake.ExpectManyAsync(prepared.Select(p => p.Build.Pending).ToList(), ct));
        var uploads = prepared.SelectMany(p => p.Build.Files.Select((f, i) => (p.Build.Container, f.Local, f.Blob, Source: i == 0 ? p.Build.SameBytesAs : null)));
        using (BuildStages.Time("upload"))
        {
            await Parallel.ForEachAsync(uploads, Options(ct), async (u, token) =>
            {
                if (u.Source is { } source)
                {
                    await BlobFiles.CopyAsync(storage.Container(source.Container).GetBlobClient(source.Blob), storage.Container(u.Container), u.Blob, token);
                }
                else
                {
                    await BlobFiles.UploadAsync(storage.Container(u.Container), u.Blob, u.Local, token);
                }
            });
        }

        var won = await BuildStages.TimeAsync("commit", () => partitions.CommitManyAsync(prepared.Select(p => (p.Build.Record, p.Build.Previous, p.Build.Failure)).ToList(), ct));
        var after = new List<PreparedBuild>();
        for (var i = 0; i < prepared.Count; i++)
        {
            var (index, build) = prepared[i];
            if (!won[i])
            {
                // Lost the race to another build of the same partition: ours is garbage, unless that build wrote the same names.
                await PartitionBuilds.DiscardAsync(partitions, storage.Container(build.Container), build.Input, build.Files.Select(f => f.Blob), ct);
                results.Add((index, new BuildResult(build.Input.Partition, BuildOutcome.Skipped, build.RowsIn, 0, null, null)));
                continue;
            }

            after.Add(build);
            var record = build.Record;
            var outcome = build.Previous?.OutputHash == record.OutputHash ? BuildOutcome.Unchanged : BuildOutcome.Built;
            results.Add((index, new BuildResult(record.Partition, outcome, build.RowsIn, record.Rows, record.OutputHash, null) { Bytes = build.Bytes }));
        }

        if (committed is not null && after.Count > 0)
        {
            await committed(after, ct);
        }

        return results;
    }

    private static ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Transfers, CancellationToken = ct };
}
