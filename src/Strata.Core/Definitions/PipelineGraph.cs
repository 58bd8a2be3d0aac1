namespace Strata.Definitions;

/// <summary>
/// The dependency graph of one pipeline's sources and datasets. Construction validates it:
/// unknown inputs, cycles, an integrate reading an action, and mappings that cannot apply
/// (identity or window between different grains, or over an unpartitioned input).
/// </summary>
public sealed class PipelineGraph
{
    internal PipelineGraph(IReadOnlyList<SourceDefinition> sources, IReadOnlyList<DatasetDraft> drafts)
    {
        var sourceNames = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var draftNames = drafts.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            foreach (var input in draft.Inputs)
            {
                if (!sourceNames.ContainsKey(input.Name) && !draftNames.ContainsKey(input.Name))
                {
                    throw new DefinitionException(input.Location, $"dataset '{draft.Name}' reads '{input.Name}', which is neither a source nor a dataset of this pipeline");
                }

                if (draft.Layer == Layer.Integrate && draftNames.TryGetValue(input.Name, out var upstream) && upstream.Layer == Layer.Action)
                {
                    throw new DefinitionException(input.Location, $"integrate dataset '{draft.Name}' reads action '{input.Name}'; actions are products and feed nothing but other actions");
                }
            }
        }

        var resolved = new Dictionary<string, DatasetDefinition>(StringComparer.Ordinal);
        var ordered = new List<DatasetDefinition>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            Visit(draft, [], visiting, draftNames, sourceNames, resolved, ordered);
        }

        Sources = sources;
        Datasets = ordered;
    }

    /// <summary>Sources, as declared.</summary>
    public IReadOnlyList<SourceDefinition> Sources { get; }

    /// <summary>Datasets in dependency order: every dataset comes after all of its inputs.</summary>
    public IReadOnlyList<DatasetDefinition> Datasets { get; }

    private static PartitionKeySpec Visit(
        DatasetDraft draft,
        List<string> path,
        HashSet<string> visiting,
        Dictionary<string, DatasetDraft> drafts,
        Dictionary<string, SourceDefinition> sources,
        Dictionary<string, DatasetDefinition> resolved,
        List<DatasetDefinition> ordered)
    {
        if (resolved.TryGetValue(draft.Name, out var done))
        {
            return done.Partition;
        }

        if (!visiting.Add(draft.Name))
        {
            var cycle = path.SkipWhile(p => p != draft.Name).Append(draft.Name);
            throw new DefinitionException(draft.Location, $"datasets form a cycle: {string.Join(" -> ", cycle)}");
        }

        path.Add(draft.Name);
        var inputSpecs = new List<(DatasetInput Input, PartitionKeySpec Spec)>();
        foreach (var input in draft.Inputs)
        {
            var spec = sources.TryGetValue(input.Name, out var source)
                ? source.Partition
                : Visit(drafts[input.Name], path, visiting, drafts, sources, resolved, ordered);
            inputSpecs.Add((input, spec));
        }

        path.RemoveAt(path.Count - 1);
        visiting.Remove(draft.Name);

        var partition = ResolvePartition(draft, inputSpecs);
        var definition = new DatasetDefinition
        {
            Name = draft.Name,
            Pipeline = draft.Pipeline,
            Layer = draft.Layer,
            SqlPath = draft.SqlPath,
            Sql = draft.Sql,
            Inputs = draft.Inputs,
            Partition = partition,
            Formats = draft.Formats,
            Quality = draft.Quality,
            Location = draft.Location,
        };
        resolved[draft.Name] = definition;
        ordered.Add(definition);
        return partition;
    }

    private static PartitionKeySpec ResolvePartition(DatasetDraft draft, List<(DatasetInput Input, PartitionKeySpec Spec)> inputs)
    {
        var driving = inputs.Where(i => i.Input.Mapping.Kind != MappingKind.All).ToList();
        foreach (var (input, spec) in driving)
        {
            if (spec.IsUnpartitioned)
            {
                throw new DefinitionException(input.Location, $"dataset '{draft.Name}' maps '{input.Name}' with {input.Mapping}, but '{input.Name}' is unpartitioned; use all");
            }
        }

        if (driving.Count == 0)
        {
            if (draft.DeclaredPartition is { } declared)
            {
                throw new DefinitionException(new SourceLocation(draft.Location.File, (int)declared.Node.Start.Line, (int)declared.Node.Start.Column),
                    $"dataset '{draft.Name}' has only all-mapped inputs, so it is one unpartitioned table; remove its partition key");
            }

            return PartitionKeySpec.Unpartitioned;
        }

        var first = driving[0].Spec;
        var grain = draft.DeclaredPartition?.Grain ?? first.Grain;
        foreach (var (input, spec) in driving)
        {
            if (spec.Grain != grain)
            {
                throw new DefinitionException(input.Location,
                    $"dataset '{draft.Name}' is partitioned by {grain.ToString().ToLowerInvariant()} but maps '{input.Name}' (partitioned by {spec.Grain.ToString().ToLowerInvariant()}) with {input.Mapping}; identity and window need the same grain");
            }
        }

        return new PartitionKeySpec(draft.DeclaredPartition?.Key ?? first.Key, null, grain, IngestDate: false);
    }
}
