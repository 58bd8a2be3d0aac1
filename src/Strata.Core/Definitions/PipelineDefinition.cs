namespace Strata.Definitions;

/// <summary>A pipeline: the sources it loads and the datasets it builds, from <c>pipelines/&lt;name&gt;/pipeline.yaml</c>.</summary>
public sealed record PipelineDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>When the pipeline runs on its own, besides landings and requests (<c>schedule:</c>, cron in UTC); null: never.</summary>
    public Schedules.CronSchedule? Schedule { get; init; }

    /// <summary>The folder the definition was read from.</summary>
    public required string Folder { get; init; }

    public required IReadOnlyList<SourceDefinition> Sources { get; init; }

    public required IReadOnlyList<DatasetDefinition> Datasets { get; init; }

    /// <summary>The source with this name, or null.</summary>
    public SourceDefinition? FindSource(string name) => Sources.FirstOrDefault(s => s.Name == name);

    /// <summary>The dataset with this name, or null.</summary>
    public DatasetDefinition? FindDataset(string name) => Datasets.FirstOrDefault(d => d.Name == name);

    /// <summary>The datasets that read <paramref name="name"/> directly, in dependency order.</summary>
    public IReadOnlyList<DatasetDefinition> DownstreamOf(string name) =>
        Datasets.Where(d => d.Inputs.Any(i => i.Name == name)).ToList();

    /// <summary>The partition key spec of a source or dataset by name.</summary>
    public PartitionKeySpec? PartitionOf(string name) => FindSource(name)?.Partition ?? FindDataset(name)?.Partition;
}
