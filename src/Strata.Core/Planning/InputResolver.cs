using Strata.Definitions;
using Strata.Partitions;

namespace Strata.Planning;

/// <summary>
/// Selects, for one output partition, the committed input partitions each mapping names:
/// identity reads one row, window one key range, all the whole input (read once and cached).
/// In bulk mode — many partitions evaluated at once — every input is read once as a range
/// instead of one point read per partition.
/// </summary>
internal sealed class InputResolver(PartitionStore partitions, bool bulk)
{
    private readonly Dictionary<string, SortedList<string, PartitionRecord>> _loaded = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<InputSelection>> SelectAsync(DatasetDefinition dataset, string partition, CancellationToken ct)
    {
        var selections = new List<InputSelection>(dataset.Inputs.Count);
        foreach (var input in dataset.Inputs)
        {
            selections.Add(new InputSelection(input, await SelectOneAsync(dataset, input, partition, ct)));
        }

        return selections;
    }

    /// <summary>The keys of every committed partition of <paramref name="input"/>.</summary>
    public async Task<IEnumerable<string>> KeysAsync(string input, CancellationToken ct) => (await LoadAsync(input, ct)).Keys;

    private async Task<IReadOnlyList<PartitionRecord>> SelectOneAsync(DatasetDefinition dataset, DatasetInput input, string partition, CancellationToken ct)
    {
        switch (input.Mapping.Kind)
        {
            case MappingKind.All:
                return (await LoadAsync(input.Name, ct)).Values.ToList();
            case MappingKind.Window:
                var (from, to) = PartitionKeys.Window(partition, dataset.Partition.Grain, input.Mapping.Size);
                if (bulk || _loaded.ContainsKey(input.Name))
                {
                    return (await LoadAsync(input.Name, ct)).Where(p => string.CompareOrdinal(p.Key, from) >= 0 && string.CompareOrdinal(p.Key, to) <= 0).Select(p => p.Value).ToList();
                }

                var window = new List<PartitionRecord>();
                await foreach (var record in partitions.RangeAsync(input.Name, from, to, ct))
                {
                    window.Add(record);
                }

                return window;
            default:
                if (bulk || _loaded.ContainsKey(input.Name))
                {
                    return (await LoadAsync(input.Name, ct)).TryGetValue(partition, out var hit) ? [hit] : [];
                }

                return await partitions.GetAsync(input.Name, partition, ct) is { } one ? [one] : [];
        }
    }

    private async Task<SortedList<string, PartitionRecord>> LoadAsync(string input, CancellationToken ct)
    {
        if (!_loaded.TryGetValue(input, out var all))
        {
            all = new SortedList<string, PartitionRecord>(StringComparer.Ordinal);
            await foreach (var record in partitions.ListAsync(input, ct))
            {
                all[record.Partition] = record;
            }

            _loaded[input] = all;
        }

        return all;
    }
}
