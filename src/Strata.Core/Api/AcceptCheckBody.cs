using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Api;

/// <summary>
/// The body of <c>POST /api/pipelines/{pipeline}/datasets/{dataset}/checks/accept</c>:
/// <c>{"partition": key, "check": name, "reason": text, "by": who}</c>, every field required — an
/// acceptance without who and why is not one. Unknown fields are rejected. When the host knows who
/// is calling (the Functions app behind App Service authentication passes the signed-in principal),
/// that identity is recorded as <c>by</c>: the field may be left out, and a body naming someone else
/// is refused rather than recorded.
/// </summary>
public sealed record AcceptCheckBody(string? Partition = null, string? Check = null, string? Reason = null, string? By = null)
{
    private static readonly JsonSerializerOptions Json = new(StrataJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Parses a body; returns it, or the 400 to answer.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="caller">The authenticated caller, when the host knows one; null otherwise.</param>
    public static (AcceptCheckBody? Body, ApiResult? Error) Parse(string? body, string? caller = null)
    {
        AcceptCheckBody parsed;
        try
        {
            parsed = string.IsNullOrWhiteSpace(body) ? new AcceptCheckBody() : JsonSerializer.Deserialize<AcceptCheckBody>(body, Json) ?? new AcceptCheckBody();
        }
        catch (JsonException e)
        {
            return (null, ApiResult.BadRequest("body", $"the acceptance is not valid JSON of the expected shape: {e.Message.Split(". Path:")[0]}"));
        }

        if (!string.IsNullOrWhiteSpace(caller))
        {
            if (!string.IsNullOrWhiteSpace(parsed.By) && !string.Equals(parsed.By.Trim(), caller.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (null, ApiResult.BadRequest("by", $"by names '{parsed.By}', but the request is signed in as '{caller}': leave by out, and the signed-in identity is recorded"));
            }

            parsed = parsed with { By = caller.Trim() };
        }

        foreach (var (field, value) in new[] { ("partition", parsed.Partition), ("check", parsed.Check), ("reason", parsed.Reason), ("by", parsed.By) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return (null, ApiResult.BadRequest(field, $"{field} is required: an acceptance names the partition and check, and says who accepts it and why"));
            }
        }

        return (parsed, null);
    }
}
