using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;
using Strata.Tests.TestSupport;

namespace Strata.Tests.Lineage.OpenLineage;

/// <summary>
/// The OpenLineage spec's JSON schemas as written down under <c>data/openlineage/</c>: validates an
/// event against the core RunEvent and every facet in it against the schema its <c>_schemaURL</c>
/// names (an unknown URL is a problem too).
/// </summary>
internal sealed class OpenLineageSchemas
{
    private const string Core = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
    private static readonly Lazy<OpenLineageSchemas> s_instance = new(() => new OpenLineageSchemas());
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonSchema> _refs = new(StringComparer.Ordinal);
    private readonly EvaluationOptions _evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private OpenLineageSchemas()
    {
        var folder = RepoPaths.Combine("tests", "Strata.Core.Tests", "data", "openlineage");

        // The core first: every facet's allOf refers to it.
        var files = Directory.GetFiles(folder, "*.json").OrderBy(f => Path.GetFileName(f) == "OpenLineage.json" ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var schema = JsonSchema.FromText(File.ReadAllText(file), _build);
            _documents.Add(schema.BaseUri.GetLeftPart(UriPartial.Path));
        }
    }

    public static OpenLineageSchemas Instance => s_instance.Value;

    /// <summary>Every way <paramref name="event"/> departs from the spec; empty when it conforms.</summary>
    public IReadOnlyList<string> Problems(JsonElement @event)
    {
        var problems = new List<string>();
        Check(Core, @event, "event", problems);
        Check(Core + "#/$defs/RunEvent", @event, "event", problems);
        foreach (var (where, facet) in Facets(@event))
        {
            if (!facet.TryGetProperty("_schemaURL", out var url) || url.GetString() is not { } schemaUrl)
            {
                problems.Add($"{where}: no _schemaURL");
            }
            else if (!_documents.Contains(new Uri(schemaUrl).GetLeftPart(UriPartial.Path)))
            {
                problems.Add($"{where}: _schemaURL {schemaUrl} is not a schema written down in data/openlineage");
            }
            else
            {
                Check(schemaUrl, facet, where, problems);
            }
        }

        return problems;
    }

    private void Check(string url, JsonElement instance, string where, List<string> problems)
    {
        var schema = _refs.GetOrAdd(url, u => JsonSchema.FromText($$"""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "{{u}}" }""", _build));
        var results = schema.Evaluate(instance, _evaluation);
        if (!results.IsValid)
        {
            var errors = (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"));
            problems.Add($"{where} against {url}: {string.Join("; ", errors.DefaultIfEmpty("invalid"))}");
        }
    }

    /// <summary>Every facet of an event with where it sits: run, job, and each dataset's facets, input and output facets.</summary>
    private static IEnumerable<(string Where, JsonElement Facet)> Facets(JsonElement @event)
    {
        var holders = new List<(string, JsonElement)>();
        if (@event.TryGetProperty("run", out var run))
        {
            holders.Add(("run.facets", run));
        }

        if (@event.TryGetProperty("job", out var job))
        {
            holders.Add(("job.facets", job));
        }

        foreach (var side in new[] { "inputs", "outputs" })
        {
            if (@event.TryGetProperty(side, out var datasets))
            {
                holders.AddRange(datasets.EnumerateArray().Select((d, i) => ($"{side}[{i}]", d)));
            }
        }

        foreach (var (where, holder) in holders)
        {
            foreach (var property in new[] { "facets", "inputFacets", "outputFacets" })
            {
                if (holder.TryGetProperty(property, out var facets))
                {
                    foreach (var facet in facets.EnumerateObject())
                    {
                        yield return ($"{where}.{property}.{facet.Name}".Replace("facets.facets", "facets", StringComparison.Ordinal), facet.Value);
                    }
                }
            }
        }
    }
}
