using Strata.Definitions;

namespace Strata.Quality;

/// <summary>
/// Parses the SQL in expectations and custom checks when the catalog loads, so a typo fails
/// before anything runs, naming the <c>pipeline.yaml</c> line that declares it.
/// </summary>
internal static class QualitySql
{
    public static IEnumerable<DefinitionException> Problems(PipelineDefinition pipeline, Func<string, string?> sqlProblem)
    {
        var owners = pipeline.Sources.Select(s => (Kind: "source", s.Name, s.Quality))
            .Concat(pipeline.Datasets.Select(d => (Kind: "dataset", d.Name, d.Quality)));
        foreach (var (kind, name, quality) in owners)
        {
            foreach (var e in quality.Expectations)
            {
                if (sqlProblem($"SELECT ({e.Sql}) AS met") is { } problem)
                {
                    yield return new DefinitionException(e.Location, $"expectation '{e.Name}' of {kind} '{name}' does not parse as one SQL expression: {problem.ReplaceLineEndings(" ")}");
                }
            }

            foreach (var c in quality.Checks.Where(c => c.Sql is not null))
            {
                if (sqlProblem(c.Sql!) is { } problem)
                {
                    yield return new DefinitionException(c.Location, $"check '{c.Name}' of {kind} '{name}' does not parse as one SELECT: {problem.ReplaceLineEndings(" ")}");
                }
            }
        }
    }
}
