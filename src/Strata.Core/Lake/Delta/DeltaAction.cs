using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Lake.Delta;

/// <summary>
/// One action of a log version: exactly one property is set, and it is written as one line of
/// newline-delimited JSON (<c>{"add":{...}}</c>). Unknown actions of other writers (<c>txn</c>,
/// <c>cdc</c>, <c>domainMetadata</c>) are read as an action with nothing set and ignored.
/// </summary>
public sealed record DeltaAction
{
    [JsonPropertyName("commitInfo")]
    public CommitInfo? CommitInfo { get; init; }

    [JsonPropertyName("protocol")]
    public Protocol? Protocol { get; init; }

    [JsonPropertyName("metaData")]
    public Metadata? MetaData { get; init; }

    [JsonPropertyName("add")]
    public AddFile? Add { get; init; }

    [JsonPropertyName("remove")]
    public RemoveFile? Remove { get; init; }

    /// <summary>One version's actions as the bytes of its JSON file.</summary>
    public static byte[] ToLines(IEnumerable<DeltaAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var text = new StringBuilder();
        foreach (var action in actions)
        {
            text.Append(JsonSerializer.Serialize(action, StrataJson.Options)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Parses a version's JSON file.</summary>
    public static IReadOnlyList<DeltaAction> FromLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonSerializer.Deserialize<DeltaAction>(line, StrataJson.Options) ?? new DeltaAction())
            .ToList();
    }
}
