using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Strata.Definitions;

/// <summary>
/// Reads <c>pipelines/&lt;name&gt;/pipeline.yaml</c> (and the SQL files it names) into a validated
/// <see cref="PipelineDefinition"/>. Every problem is a <see cref="DefinitionException"/> naming the
/// file and line.
/// </summary>
public static class PipelineReader
{
    /// <summary>The definition file's name inside a pipeline folder.</summary>
    public const string FileName = "pipeline.yaml";

    public static PipelineDefinition Read(string folder)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            throw new DefinitionException(new SourceLocation(file, 0, 0), $"no {FileName} in {folder}");
        }

        var y = new YamlNodes(Path.GetRelativePath(Directory.GetCurrentDirectory(), file));
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new DefinitionException(new SourceLocation(y.File, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new DefinitionException(new SourceLocation(y.File, 1, 1), "must hold exactly one YAML document");
        }

        var root = y.Mapping(stream.Documents[0].RootNode, FileName);
        y.OnlyKeys(root, FileName, "name", "description", "schedule", "sources", "datasets");
        var name = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
        if (YamlNodes.Optional(root, "name") is { } nameNode && y.Scalar(nameNode, "name") != name)
        {
            throw y.Error(nameNode, $"name '{y.Scalar(nameNode, "name")}' must match the folder name '{name}'");
        }

        if (!Names.IsValid(name))
        {
            throw new DefinitionException(new SourceLocation(y.File, 1, 1), $"pipeline folder name '{name}' is invalid: use {Names.Describe}");
        }

        var sources = y.Entries(y.Mapping(y.Required(root, "sources", FileName), "sources"), "sources")
            .Select(e => SourceReader.Read(y, name, e.Key, e.KeyNode, e.Value))
            .ToList();
        var drafts = YamlNodes.Optional(root, "datasets") is { } datasetsNode
            ? y.Entries(y.Mapping(datasetsNode, "datasets"), "datasets")
                .Select(e => DatasetReader.Read(y, name, folder, e.Key, e.KeyNode, e.Value))
                .ToList()
            : [];

        foreach (var clash in drafts.Where(d => sources.Any(s => s.Name == d.Name)))
        {
            throw new DefinitionException(clash.Location, $"'{clash.Name}' is declared as both a source and a dataset");
        }

        var graph = new PipelineGraph(sources, drafts);
        return new PipelineDefinition
        {
            Name = name,
            Description = y.OptionalScalar(root, "description", FileName),
            Schedule = ReadSchedule(y, root),
            Folder = Path.GetFullPath(folder),
            Sources = sources,
            Datasets = graph.Datasets,
        };
    }

    private static Schedules.CronSchedule? ReadSchedule(YamlNodes y, YamlMappingNode root)
    {
        if (YamlNodes.Optional(root, "schedule") is not { } node)
        {
            return null;
        }

        return Schedules.CronSchedule.TryParse(y.Scalar(node, "schedule"), out var schedule, out var problem)
            ? schedule
            : throw y.Error(node, $"schedule {problem}");
    }
}
