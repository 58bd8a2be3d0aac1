namespace Strata.Definitions;

/// <summary>
/// Every pipeline under a folder (<c>pipelines/</c>), checked together: source and dataset names
/// are unique across pipelines (they name lake paths), and no two sources own overlapping landing
/// prefixes (a landed blob has exactly one owner).
/// </summary>
public sealed class PipelineCatalog
{
    private PipelineCatalog(string folder, IReadOnlyList<PipelineDefinition> pipelines)
    {
        Folder = folder;
        Pipelines = pipelines;
    }

    /// <summary>The folder the pipelines were read from.</summary>
    public string Folder { get; }

    public IReadOnlyList<PipelineDefinition> Pipelines { get; }

    /// <summary>
    /// Reads and validates every <c>*/pipeline.yaml</c> under <paramref name="folder"/>; with
    /// <paramref name="sqlProblem"/> (the engine's parser: SQL text to problem or null), every
    /// dataset's SQL is parsed too, so bad SQL fails before anything runs.
    /// </summary>
    public static PipelineCatalog Load(string folder, Func<string, string?>? sqlProblem = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DefinitionException($"pipelines folder '{folder}' does not exist; set Strata:Pipelines:Folder or pass --pipelines");
        }

        var pipelines = Directory.EnumerateDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, PipelineReader.FileName)))
            .Order(StringComparer.Ordinal)
            .Select(PipelineReader.Read)
            .ToList();
        CheckUnique(pipelines);
        if (sqlProblem is not null && SqlProblems(pipelines, sqlProblem).FirstOrDefault() is { } first)
        {
            throw first;
        }

        return new PipelineCatalog(Path.GetFullPath(folder), pipelines);
    }

    /// <summary>The pipeline with this name.</summary>
    /// <exception cref="UnknownPipelineException">No such pipeline.</exception>
    public PipelineDefinition Get(string name) =>
        Pipelines.FirstOrDefault(p => p.Name == name) ?? throw new UnknownPipelineException(name, Pipelines.Select(p => p.Name));

    /// <summary>The pipeline with this name, or null.</summary>
    public PipelineDefinition? Find(string name) => Pipelines.FirstOrDefault(p => p.Name == name);

    /// <summary>The source that owns a blob name in the landing container, or null when none does.</summary>
    public SourceDefinition? OwnerOf(string landingBlobName) =>
        Pipelines.SelectMany(p => p.Sources).FirstOrDefault(s => landingBlobName.StartsWith(s.LandingPrefix, StringComparison.Ordinal));

    /// <summary>The pipeline that declares a source or dataset, or null.</summary>
    public PipelineDefinition? PipelineOf(string sourceOrDataset) =>
        Pipelines.FirstOrDefault(p => p.FindSource(sourceOrDataset) is not null || p.FindDataset(sourceOrDataset) is not null);

    /// <summary>Every dataset whose SQL the engine cannot parse, as an error naming the SQL file and line.</summary>
    public static IEnumerable<DefinitionException> SqlProblems(IEnumerable<PipelineDefinition> pipelines, Func<string, string?> sqlProblem)
    {
        ArgumentNullException.ThrowIfNull(sqlProblem);
        foreach (var pipeline in pipelines)
        {
            foreach (var dataset in pipeline.Datasets)
            {
                if (sqlProblem(dataset.Sql) is { } problem)
                {
                    var line = System.Text.RegularExpressions.Regex.Match(problem, @"LINE (\d+):") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                    var file = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(pipeline.Folder, dataset.SqlPath));
                    yield return new DefinitionException(new SourceLocation(file, line, 1), $"the SQL of dataset '{dataset.Name}' does not parse: {problem.ReplaceLineEndings(" ")}");
                }
            }

            foreach (var problem in Quality.QualitySql.Problems(pipeline, sqlProblem))
            {
                yield return problem;
            }
        }
    }

    private static void CheckUnique(List<PipelineDefinition> pipelines)
    {
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (name, location) in pipelines.SelectMany(p =>
                     p.Sources.Select(s => (s.Name, s.Location)).Concat(p.Datasets.Select(d => (d.Name, d.Location)))))
        {
            if (!names.TryAdd(name, location))
            {
                throw new DefinitionException(location, $"'{name}' is already declared at {names[name]}; source and dataset names are unique across pipelines because they name lake folders");
            }
        }

        var sources = pipelines.SelectMany(p => p.Sources).ToList();
        foreach (var source in sources)
        {
            // Landing names are matched after storage resolves '.' and '..' (Land.LandingName), so a prefix must already be in that form to match anything.
            const string probe = "file";
            if (!Land.LandingName.TryNormalise(source.LandingPrefix + probe, out var normalised, out var problem) || normalised != source.LandingPrefix + probe)
            {
                throw new DefinitionException(source.Location, $"source '{source.Name}' landing prefix '{source.LandingPrefix}' {problem ?? $"is not a plain path (storage stores it as '{normalised[..^probe.Length]}')"}; write it without '.' or '..' segments");
            }
        }

        foreach (var a in sources)
        {
            foreach (var b in sources.Where(b => !ReferenceEquals(a, b) && b.LandingPrefix.StartsWith(a.LandingPrefix, StringComparison.Ordinal)))
            {
                throw new DefinitionException(b.Location, $"source '{b.Name}' landing prefix '{b.LandingPrefix}' overlaps '{a.Name}' ('{a.LandingPrefix}'); every landed blob must have one owner");
            }
        }
    }
}
