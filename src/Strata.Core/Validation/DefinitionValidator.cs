using Strata.Definitions;
using Strata.Transform;

namespace Strata.Validation;

/// <summary>
/// Checks every pipeline under a folder and reports every problem rather than the first: each
/// <c>pipeline.yaml</c> on its own, then names and landing prefixes across pipelines, then every
/// dataset's SQL through the engine's parser.
/// </summary>
public static class DefinitionValidator
{
    public static IReadOnlyList<string> Validate(string folder)
    {
        var problems = new List<string>();
        if (!Directory.Exists(folder))
        {
            return [$"{folder}: the pipelines folder does not exist"];
        }

        var readable = new List<PipelineDefinition>();
        foreach (var dir in Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, PipelineReader.FileName))).Order(StringComparer.Ordinal))
        {
            try
            {
                readable.Add(PipelineReader.Read(dir));
            }
            catch (DefinitionException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count == 0)
        {
            try
            {
                PipelineCatalog.Load(folder);
            }
            catch (DefinitionException e)
            {
                problems.Add(e.Message);
            }
        }

        problems.AddRange(PipelineCatalog.SqlProblems(readable, SqlEngine.CheckSyntax).Select(e => e.Message));

        if (readable.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{folder}: no pipeline folders (each needs a {PipelineReader.FileName})");
        }

        return problems;
    }
}
