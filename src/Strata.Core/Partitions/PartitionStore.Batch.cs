using Azure.Data.Tables;
using Strata.Storage;

namespace Strata.Partitions;

/// <summary>Reads and commits of many partitions of one dataset at once, for builds of many small partitions per activity.</summary>
public sealed partial class PartitionStore
{
    /// <summary>The most actions one entity-group transaction may hold (the service's limit).</summary>
    private const int MaxTransactionActions = 100;

    /// <summary>
    /// Bytes of partition-row payload (mostly lineage) one transaction carries at most: the
    /// service refuses a change set over 4 MiB, and an all-mapping's lineage can be large.
    /// </summary>
    private const int MaxTransactionBytes = 2 * 1024 * 1024;

    /// <summary>
    /// The committed rows and failure markers of <paramref name="keys"/> (all of one dataset), in two
    /// range reads between the smallest and the largest key instead of two point reads per key.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, PartitionRecord> Committed, IReadOnlyDictionary<string, FailureMarker> Failures)> GetManyAsync(
        string dataset, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var committed = new Dictionary<string, PartitionRecord>(StringComparer.Ordinal);
        var failures = new Dictionary<string, FailureMarker>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return (committed, failures);
        }

        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var (from, to) = (keys.Min(StringComparer.Ordinal)!, keys.Max(StringComparer.Ordinal)!);
        await foreach (var e in TableRanges.Between(_table, dataset, PartitionPrefix + from, TableRanges.PrefixEnd(PartitionPrefix + to), ct: ct))
        {
            if (wanted.Contains(e.RowKey[PartitionPrefix.Length..]))
            {
                committed[e.RowKey[PartitionPrefix.Length..]] = ToRecord(e);
            }
        }

        await foreach (var e in TableRanges.Between(_table, dataset, FailurePrefix + from, TableRanges.PrefixEnd(FailurePrefix + to), ct: ct))
        {
            if (wanted.Contains(e.RowKey[FailurePrefix.Length..]))
            {
                failures[e.RowKey[FailurePrefix.Length..]] = ToFailure(e);
            }
        }

        return (committed, failures);
    }

    /// <summary>
    /// Commits many partitions of one dataset, each exactly as <see cref="CommitAsync"/> would:
    /// as few entity-group transactions as the limits allow (100 actions, 2 MiB of rows). A
    /// transaction fails as a whole when one row's condition fails, so a chunk that loses a race
    /// is committed again row by row: every partition still wins or loses on its own. Returns,
    /// per commit in order, whether it won.
    /// </summary>
    public async Task<IReadOnlyList<bool>> CommitManyAsync(IReadOnlyList<(PartitionRecord Record, PartitionRecord? Previous, FailureMarker? Failure)> commits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var won = new bool[commits.Count];
        foreach (var chunk in Chunks(commits))
        {
            try
            {
                await _table.SubmitTransactionAsync(chunk.SelectMany(i => CommitActions(commits[i].Record, commits[i].Previous, commits[i].Failure)), ct);
                foreach (var i in chunk)
                {
                    won[i] = true;
                }
            }
            catch (TableTransactionFailedException e) when (LostRace(e) || e.Status == 404)
            {
                foreach (var i in chunk)
                {
                    won[i] = await CommitAsync(commits[i].Record, commits[i].Previous, commits[i].Failure, ct);
                }
            }
        }

        return won;
    }

    /// <summary>Indexes of <paramref name="commits"/> in chunks that fit one transaction.</summary>
    private static IEnumerable<List<int>> Chunks(IReadOnlyList<(PartitionRecord Record, PartitionRecord? Previous, FailureMarker? Failure)> commits)
    {
        var chunk = new List<int>();
        var (actions, bytes) = (0, 0L);
        for (var i = 0; i < commits.Count; i++)
        {
            var (record, previous, failure) = commits[i];
            var count = 1 + (previous is null || previous.OutputHash != record.OutputHash ? 1 : 0) + (failure?.ETag is null ? 0 : 1);
            var size = 1024L + (record.Inputs.Slices.Count == 0 ? 0 : record.Inputs.ToBytes().Length);
            if (chunk.Count > 0 && (actions + count > MaxTransactionActions || bytes + size > MaxTransactionBytes || chunk.Any(c => commits[c].Record.Dataset != record.Dataset)))
            {
                yield return chunk;
                (chunk, actions, bytes) = ([], 0, 0);
            }

            chunk.Add(i);
            actions += count;
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
