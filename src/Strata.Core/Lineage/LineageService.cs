using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Fragments;
using Strata.Land;
using Strata.Partitions;
using Strata.Planning;

namespace Strata.Lineage;

/// <summary>
/// Partition-grain lineage. Upstream follows each committed partition's recorded inputs down to
/// the raw blobs (through the load partition's fragments); downstream follows the lineage edges
/// written at each build, starting from a raw blob through the fragments it produced.
/// </summary>
public sealed class LineageService(PipelineCatalog catalog, PartitionStore partitions, LineageStore edges, FragmentStore fragments, ReceiptStore receipts, LoadSpecs specs)
{
    public async Task<LineageReport> ForPartitionAsync(string dataset, string partition, CancellationToken ct)
    {
        var pipeline = catalog.PipelineOf(dataset) ?? throw new DefinitionException($"no source or dataset named '{dataset}'");
        var upstream = await UpstreamAsync(pipeline, dataset, partition, new Dictionary<string, LineageNode>(StringComparer.Ordinal), ct);
        var downstream = await DownstreamAsync(pipeline, dataset, partition, new Dictionary<string, LineageNode>(StringComparer.Ordinal), ct);
        return new LineageReport(dataset, partition, upstream, downstream);
    }

    /// <summary>Every partition a raw blob reaches, through the fragments it parsed into under the current load spec.</summary>
    public async Task<LineageNode> FromRawAsync(string source, string sha, CancellationToken ct)
    {
        var pipeline = catalog.PipelineOf(source) ?? throw new DefinitionException($"no source named '{source}'");
        var definition = pipeline.FindSource(source)!;
        var receipt = await receipts.GetAsync(source, sha, ct);
        var visited = new Dictionary<string, LineageNode>(StringComparer.Ordinal);
        var links = new List<LineageNode>();
        foreach (var fragment in await fragments.ForBlobAsync(source, LoadSpec.Key(specs.HashOf(definition)), sha, ct))
        {
            links.Add(await DownstreamAsync(pipeline, source, fragment.Partition, visited, ct));
        }

        return new LineageNode(source, sha, "raw", receipt is null ? null : $"raw/{receipt.RawPath}", 0, links);
    }

    private async Task<LineageNode> UpstreamAsync(PipelineDefinition pipeline, string dataset, string partition, Dictionary<string, LineageNode> visited, CancellationToken ct)
    {
        var key = $"{dataset}|{partition}";
        if (visited.TryGetValue(key, out var seen))
        {
            return seen;
        }

        var record = await partitions.GetAsync(dataset, partition, ct);
        var layer = LayerOf(pipeline, dataset);
        if (record is null)
        {
            return visited[key] = new LineageNode(dataset, partition, layer, null, 0, [], "not committed");
        }

        var links = new List<LineageNode>();
        string? note = null;
        foreach (var slice in record.Inputs.Slices)
        {
            if (slice.Input == "raw")
            {
                foreach (var part in slice.Parts ?? [])
                {
                    var receipt = await receipts.GetAsync(dataset, part.Key, ct);
                    links.Add(new LineageNode(dataset, part.Key, "raw", receipt is null ? null : $"raw/{receipt.RawPath}", 0, []));
                }

                continue;
            }

            var parts = slice.Parts?.Select(p => p.Key).ToList();
            if (parts is null)
            {
                // Too many parts to store with the partition: the input's current partitions stand in.
                note = $"{slice.Input}: {slice.Count} partitions, listed from the current state";
                parts = (await partitions.ListHashesAsync(slice.Input, ct)).Select(p => p.Key).ToList();
            }

            foreach (var part in parts)
            {
                links.Add(await UpstreamAsync(pipeline, slice.Input, part, visited, ct));
            }
        }

        return visited[key] = new LineageNode(dataset, partition, layer, record.OutputPath, record.Rows, links, note);
    }

    private async Task<LineageNode> DownstreamAsync(PipelineDefinition pipeline, string dataset, string partition, Dictionary<string, LineageNode> visited, CancellationToken ct)
    {
        var key = $"{dataset}|{partition}";
        if (visited.TryGetValue(key, out var seen))
        {
            return seen;
        }

        var record = await partitions.GetAsync(dataset, partition, ct);
        var links = new List<LineageNode>();
        foreach (var (next, nextPartition) in await edges.DownstreamAsync(dataset, partition, ct))
        {
            links.Add(await DownstreamAsync(pipeline, next, nextPartition, visited, ct));
        }

        return visited[key] = new LineageNode(dataset, partition, LayerOf(pipeline, dataset), record?.OutputPath, record?.Rows ?? 0, links);
    }

    private static string LayerOf(PipelineDefinition pipeline, string name) =>
        pipeline.FindSource(name) is not null ? "load" : pipeline.FindDataset(name)?.Layer.ToString().ToLowerInvariant() ?? "unknown";
}
