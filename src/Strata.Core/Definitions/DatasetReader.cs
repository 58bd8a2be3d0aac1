using YamlDotNet.RepresentationModel;

namespace Strata.Definitions;

/// <summary>
/// Reads one entry of a pipeline's <c>datasets:</c> section into a draft; the dataset's own
/// partition key is settled later by <see cref="PipelineGraph"/>, once every input is known.
/// </summary>
internal static class DatasetReader
{
    private static readonly Dictionary<string, Layer> Layers = new()
    {
        ["integrate"] = Layer.Integrate,
        ["action"] = Layer.Action,
    };

    private static readonly Dictionary<string, ProductFormat> ProductFormats = new()
    {
        ["parquet"] = ProductFormat.Parquet,
        ["csv"] = ProductFormat.Csv,
        ["jsonl"] = ProductFormat.JsonLines,
    };

    public static DatasetDraft Read(YamlNodes y, string pipeline, string folder, string name, YamlNode keyNode, YamlNode node)
    {
        if (!Names.IsValid(name))
        {
            throw y.Error(keyNode, $"dataset name '{name}' is invalid: use {Names.Describe}");
        }

        var what = $"dataset '{name}'";
        var map = y.Mapping(node, what);
        y.OnlyKeys(map, what, ["layer", "sql", "inputs", "partition", "formats", .. Quality.QualityReader.Keys]);
        var layer = y.Enum(y.Required(map, "layer", what), $"{what}.layer", Layers);

        var sqlNode = YamlNodes.Optional(map, "sql");
        var sqlPath = sqlNode is null ? $"sql/{name}.sql" : y.Scalar(sqlNode, $"{what}.sql");
        var fullSqlPath = Path.GetFullPath(Path.Combine(folder, sqlPath));
        if (!fullSqlPath.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(fullSqlPath))
        {
            throw y.Error(sqlNode ?? keyNode, $"{what}: SQL file '{sqlPath}' was not found in the pipeline folder");
        }

        var formats = new List<ProductFormat> { ProductFormat.Parquet };
        if (YamlNodes.Optional(map, "formats") is { } formatsNode)
        {
            if (layer != Layer.Action)
            {
                throw y.Error(formatsNode, $"{what}: only action datasets publish product formats");
            }

            foreach (var f in y.Sequence(formatsNode, $"{what}.formats"))
            {
                var format = y.Enum(f, $"{what}.formats", ProductFormats);
                if (!formats.Contains(format))
                {
                    formats.Add(format);
                }
            }
        }

        return new DatasetDraft(
            name,
            pipeline,
            layer,
            sqlPath.Replace('\\', '/'),
            File.ReadAllText(fullSqlPath),
            ReadInputs(y, what, y.Required(map, "inputs", what)),
            YamlNodes.Optional(map, "partition") is { } p ? ReadPartition(y, what, p) : null,
            formats,
            y.At(keyNode),
            y.At(sqlNode ?? keyNode))
        {
            Quality = Quality.QualityReader.Read(y, what, map),
        };
    }

    private static List<DatasetInput> ReadInputs(YamlNodes y, string what, YamlNode node)
    {
        var inputs = new List<DatasetInput>();
        foreach (var (input, keyNode, value) in y.Entries(y.Mapping(node, $"{what}.inputs"), $"{what}.inputs"))
        {
            var at = $"{what}.inputs.{input}";
            PartitionMapping mapping;
            if (value is YamlScalarNode)
            {
                mapping = y.Scalar(value, at) switch
                {
                    "identity" => PartitionMapping.Identity,
                    "all" => PartitionMapping.All,
                    var other => throw y.Error(value, $"{at} mapping '{other}' must be identity, all, or window: N"),
                };
            }
            else
            {
                var map = y.Mapping(value, at);
                y.OnlyKeys(map, at, "window");
                mapping = PartitionMapping.Window(y.PositiveInt(y.Required(map, "window", at), $"{at}.window"));
            }

            inputs.Add(new DatasetInput(input, mapping, y.At(keyNode)));
        }

        if (inputs.Count == 0)
        {
            throw y.Error(node, $"{what} needs at least one input");
        }

        return inputs;
    }

    private static (string? Key, Grain Grain, YamlNode Node) ReadPartition(YamlNodes y, string what, YamlNode node)
    {
        var map = y.Mapping(node, $"{what}.partition");
        y.OnlyKeys(map, $"{what}.partition", "key", "grain");
        var key = y.OptionalScalar(map, "key", $"{what}.partition");
        if (key is not null && !Names.IsValid(key))
        {
            throw y.Error(map, $"{what}.partition.key '{key}' is invalid: use {Names.Describe}");
        }

        var grain = YamlNodes.Optional(map, "grain") is { } g ? SourceReader.ReadGrain(y, g, $"{what}.partition.grain") : Grain.Day;
        return (key, grain, node);
    }
}

/// <summary>A dataset as written, before its partition key is resolved against its inputs.</summary>
internal sealed record DatasetDraft(
    string Name,
    string Pipeline,
    Layer Layer,
    string SqlPath,
    string Sql,
    IReadOnlyList<DatasetInput> Inputs,
    (string? Key, Grain Grain, YamlNode Node)? DeclaredPartition,
    IReadOnlyList<ProductFormat> Formats,
    SourceLocation Location,
    SourceLocation SqlLocation)
{
    /// <summary>Its expectations and checks.</summary>
    public Strata.Quality.QualityRules Quality { get; init; } = Strata.Quality.QualityRules.Empty;
}
