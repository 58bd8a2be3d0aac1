using System.Globalization;
using System.Text.Json.Nodes;

namespace Strata.Lineage.OpenLineage;

/// <summary>
/// Builds the OpenLineage RunEvents of a dataset step, field by field as the spec names them
/// (<see cref="OpenLineageSpec"/> holds the versions). START names the job, the run, its parent and
/// the datasets; COMPLETE and FAIL add what was written (schema, output statistics, quality
/// assertions when there are any) and, for FAIL, the error.
/// </summary>
public static class RunEvents
{
    /// <summary>The event types Strata emits.</summary>
    public const string Start = "START";
    public const string Complete = "COMPLETE";
    public const string Fail = "FAIL";

    /// <summary>The START event of a step.</summary>
    public static JsonObject Started(LineageStep step, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Event(Start, step, at, RunFacets(step, null), Output(step, null));
    }

    /// <summary>The COMPLETE event of a step, or FAIL when <see cref="StepResult.Error"/> is set.</summary>
    public static JsonObject Ended(LineageStep step, StepResult result, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(result);
        return Event(result.Error is null ? Complete : Fail, step, at, RunFacets(step, result), Output(step, result));
    }

    private static JsonObject Event(string type, LineageStep step, DateTimeOffset at, JsonObject runFacets, JsonObject output) => new()
    {
        ["eventType"] = type,
        ["eventTime"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["run"] = new JsonObject { ["runId"] = step.RunId.ToString(), ["facets"] = runFacets },
        ["job"] = new JsonObject { ["namespace"] = step.JobNamespace, ["name"] = step.JobName, ["facets"] = JobFacets(step) },
        ["inputs"] = new JsonArray([.. step.Inputs.Select(name => (JsonNode)Dataset(step, name))]),
        ["outputs"] = new JsonArray(output),
        ["producer"] = OpenLineageSpec.Producer,
        ["schemaURL"] = OpenLineageSpec.RunEvent,
    };

    private static JsonObject RunFacets(LineageStep step, StepResult? result)
    {
        // The pipeline run is both the parent and the root: Strata's steps nest one level deep.
        var facets = new JsonObject
        {
            ["parent"] = Facet(OpenLineageSpec.ParentRunFacet, new()
            {
                ["run"] = new JsonObject { ["runId"] = step.ParentRunId.ToString() },
                ["job"] = new JsonObject { ["namespace"] = step.JobNamespace, ["name"] = step.Pipeline },
                ["root"] = new JsonObject
                {
                    ["run"] = new JsonObject { ["runId"] = step.ParentRunId.ToString() },
                    ["job"] = new JsonObject { ["namespace"] = step.JobNamespace, ["name"] = step.Pipeline },
                },
            }),
        };
        if (result?.Error is { } error)
        {
            facets["errorMessage"] = Facet(OpenLineageSpec.ErrorMessageFacet, new()
            {
                ["message"] = error,
                ["programmingLanguage"] = result.Language,
            });
        }

        return facets;
    }

    private static JsonObject JobFacets(LineageStep step)
    {
        var facets = new JsonObject
        {
            ["jobType"] = Facet(OpenLineageSpec.JobTypeFacet, new()
            {
                ["processingType"] = "BATCH",
                ["integration"] = "STRATA",
                ["jobType"] = step.JobType,
            }),
        };
        if (step.Sql is { } sql)
        {
            facets["sql"] = Facet(OpenLineageSpec.SqlFacet, new() { ["query"] = sql, ["dialect"] = "duckdb" });
        }

        return facets;
    }

    private static JsonObject Output(LineageStep step, StepResult? result)
    {
        var output = Dataset(step, step.Output);
        if (result is null)
        {
            return output;
        }

        if (result.Schema.Count > 0)
        {
            output["facets"] = new JsonObject
            {
                ["schema"] = Facet(OpenLineageSpec.SchemaFacet, new()
                {
                    ["fields"] = new JsonArray([.. result.Schema.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })]),
                }),
            };
        }

        var outputFacets = new JsonObject
        {
            ["outputStatistics"] = Facet(OpenLineageSpec.OutputStatisticsFacet, new()
            {
                ["rowCount"] = result.Rows,
                ["size"] = result.Bytes,
                ["fileCount"] = result.Files,
            }),
        };

        // Checks run on what the step wrote, inside the step, so their results travel with its output.
        if (result.Assertions.Count > 0)
        {
            outputFacets["dataQualityAssertions"] = Facet(OpenLineageSpec.DataQualityAssertionsFacet, new()
            {
                ["assertions"] = new JsonArray([.. result.Assertions.Select(Assertion)]),
            });
        }

        output["outputFacets"] = outputFacets;
        return output;
    }

    private static JsonNode Assertion(QualityAssertion a)
    {
        var node = new JsonObject { ["assertion"] = a.Assertion, ["success"] = a.Success };
        if (a.Column is not null)
        {
            node["column"] = a.Column;
        }

        if (a.Severity is not null)
        {
            node["severity"] = a.Severity;
        }

        if (a.Failures is { } failures)
        {
            node["failures"] = failures;
        }

        return node;
    }

    private static JsonObject Dataset(LineageStep step, string name) => new() { ["namespace"] = step.DatasetNamespace, ["name"] = name };

    private static JsonObject Facet(string schemaUrl, JsonObject fields)
    {
        var facet = new JsonObject { ["_producer"] = OpenLineageSpec.Producer, ["_schemaURL"] = schemaUrl };
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            facet[key] = value;
        }

        return facet;
    }
}
