using System.Text.Json;

namespace Strata.Infra.Tests.Bicep;

/// <summary>One resource a snapshot predicts the deployment creates.</summary>
/// <param name="Id">Full resource id (extension resources such as role assignments carry their scope in it).</param>
/// <param name="Type">Resource type, e.g. Microsoft.Storage/storageAccounts.</param>
/// <param name="Json">The whole predicted resource; runtime values are left as ARM expressions.</param>
internal sealed record PredictedResource(string Id, string Type, JsonElement Json)
{
    /// <summary>A property under <c>properties</c> by path, or null when absent.</summary>
    public JsonElement? Property(params string[] path)
    {
        if (!Json.TryGetProperty("properties", out var current))
        {
            return null;
        }

        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The resource as compact JSON, to compare two predictions of it.</summary>
    public string Canonical => Json.GetRawText();
}

/// <summary>The output of <c>bicep snapshot</c>: predicted resources, outputs and diagnostics.</summary>
internal sealed class Snapshot
{
    private Snapshot(IReadOnlyList<PredictedResource> resources, IReadOnlyDictionary<string, string> outputs, int diagnosticCount, string diagnostics)
    {
        Resources = resources;
        Outputs = outputs;
        DiagnosticCount = diagnosticCount;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<PredictedResource> Resources { get; }

    /// <summary>String outputs of main.bicep (values known before deployment are evaluated).</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; }

    public int DiagnosticCount { get; }

    /// <summary>The diagnostics array as JSON, for failure messages.</summary>
    public string Diagnostics { get; }

    public IEnumerable<PredictedResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    public static Snapshot Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var resources = root.GetProperty("predictedResources").EnumerateArray()
            .Select(resource => new PredictedResource(
                resource.GetProperty("id").GetString()!,
                resource.GetProperty("type").GetString()!,
                resource.Clone()))
            .ToList();
        var outputs = root.TryGetProperty("outputs", out var outputElement)
            ? outputElement.EnumerateObject()
                .Where(output => output.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(output => output.Name, output => output.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var diagnostics = root.GetProperty("diagnostics");
        return new Snapshot(resources, outputs, diagnostics.GetArrayLength(), diagnostics.GetRawText());
    }
}
