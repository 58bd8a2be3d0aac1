using System.Text.Json;
using System.Text.Json.Serialization;
using Strata.Definitions;
using Strata.Workflow.Contracts;

namespace Strata.Api;

/// <summary>
/// The body of <c>POST /api/pipelines/{pipeline}/runs</c>: <c>{"force": bool, "datasets": [names], "from": key, "to": key}</c>,
/// every field optional. Unknown fields are rejected so a typo is not silently ignored.
/// </summary>
public sealed record RunRequestBody(bool Force = false, IReadOnlyList<string>? Datasets = null, string? From = null, string? To = null)
{
    private static readonly JsonSerializerOptions Json = new(StrataJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Parses and checks a body against the pipeline; returns the request, or the 400 to answer.</summary>
    public static (RunRequest? Request, ApiResult? Error) Parse(PipelineDefinition pipeline, string? body, string trigger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        RunRequestBody parsed;
        try
        {
            parsed = string.IsNullOrWhiteSpace(body) ? new RunRequestBody() : JsonSerializer.Deserialize<RunRequestBody>(body, Json) ?? new RunRequestBody();
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, ApiResult.BadRequest(field, $"the run request is not valid JSON of the expected shape at '{field}': {e.Message.Split(". Path:")[0]}"));
        }

        for (var i = 0; i < (parsed.Datasets?.Count ?? 0); i++)
        {
            var name = parsed.Datasets![i];
            if (pipeline.FindSource(name) is null && pipeline.FindDataset(name) is null)
            {
                return (null, ApiResult.BadRequest($"datasets[{i}]", $"'{name}' is not a source or dataset of pipeline '{pipeline.Name}'"));
            }
        }

        if (parsed.From is not null && parsed.To is not null && string.CompareOrdinal(parsed.From, parsed.To) > 0)
        {
            return (null, ApiResult.BadRequest("from", $"from '{parsed.From}' is after to '{parsed.To}'"));
        }

        return (new RunRequest(pipeline.Name, parsed.Force, parsed.Datasets, parsed.From, parsed.To, trigger), null);
    }
}
