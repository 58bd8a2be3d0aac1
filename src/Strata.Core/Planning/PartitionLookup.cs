using Strata.Fragments;
using Strata.Partitions;
using Strata.Workflow.Contracts;

namespace Strata.Planning;

/// <summary>
/// Reads committed partitions and fragments for a load plan: point reads when few partitions are
/// candidates, or few relative to the source (the common case after a landing); one range read
/// each when most are (a spec change or a forced run). A plan after k changes reads O(k) rows;
/// a plan over everything reads each row once.
/// </summary>
internal sealed class PartitionLookup
{
    // Above this many candidates, reading everything in one paged query beats point reads.
    private const int BulkThreshold = 64;

    private readonly PartitionStore _partitions;
    private readonly FragmentStore _fragments;
    private readonly ParsePlan _parse;
    private readonly Dictionary<string, PartitionRecord>? _stored;
    private readonly IReadOnlyDictionary<string, List<FragmentRef>>? _all;

    private PartitionLookup(PartitionStore partitions, FragmentStore fragments, ParsePlan parse, Dictionary<string, PartitionRecord>? stored, IReadOnlyDictionary<string, List<FragmentRef>>? all)
    {
        _partitions = partitions;
        _fragments = fragments;
        _parse = parse;
        _stored = stored;
        _all = all;
    }

    public static async Task<PartitionLookup> CreateAsync(PartitionStore partitions, FragmentStore fragments, ParsePlan parse, int candidates, long committed, CancellationToken ct)
    {
        // Point reads while the candidates are few or a small share of what is committed.
        if (candidates <= BulkThreshold || candidates * 4L <= committed)
        {
            return new PartitionLookup(partitions, fragments, parse, null, null);
        }

        var stored = new Dictionary<string, PartitionRecord>(StringComparer.Ordinal);
        await foreach (var record in partitions.ListAsync(parse.Source, ct))
        {
            stored[record.Partition] = record;
        }

        return new PartitionLookup(partitions, fragments, parse, stored, await fragments.AllByPartitionAsync(parse.Source, parse.SpecKey, ct));
    }

    public async Task<PartitionRecord?> StoredAsync(string partition, CancellationToken ct) =>
        _stored is null ? await _partitions.GetAsync(_parse.Source, partition, ct) : _stored.GetValueOrDefault(partition);

    public async Task<IReadOnlyList<FragmentRef>> FragmentsAsync(string partition, CancellationToken ct) =>
        _all is null
            ? await _fragments.ForPartitionAsync(_parse.Source, _parse.SpecKey, partition, ct)
            : _all.TryGetValue(partition, out var list) ? list : [];
}
