using System.Text.Json.Serialization;

namespace Strata.Lake.Delta;

/// <summary>The Delta <c>commitInfo</c> action: provenance only (readers ignore it); Strata names the run that published the version.</summary>
public sealed record CommitInfo
{
    /// <summary>Milliseconds since the epoch.</summary>
    [JsonPropertyName("timestamp")]
    public required long Timestamp { get; init; }

    [JsonPropertyName("operation")]
    public string Operation { get; init; } = "WRITE";

    [JsonPropertyName("operationParameters")]
    public IReadOnlyDictionary<string, string> OperationParameters { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("engineInfo")]
    public string EngineInfo { get; init; } = "Strata";

    [JsonPropertyName("isBlindAppend")]
    public bool IsBlindAppend { get; init; }

    /// <summary>The Strata run whose commits this version publishes.</summary>
    [JsonPropertyName("strataRunId")]
    public string? StrataRunId { get; init; }
}
