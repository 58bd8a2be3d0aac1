using YamlDotNet.RepresentationModel;

namespace Strata.Definitions;

/// <summary>Reads one entry of a pipeline's <c>sources:</c> section.</summary>
internal static class SourceReader
{
    private static readonly Dictionary<string, SourceFormat> Formats = new()
    {
        ["auto"] = SourceFormat.Auto,
        ["csv"] = SourceFormat.Csv,
        ["tsv"] = SourceFormat.Tsv,
        ["jsonl"] = SourceFormat.JsonLines,
        ["json"] = SourceFormat.JsonArray,
        ["parquet"] = SourceFormat.Parquet,
    };

    private static readonly Dictionary<string, ColumnType> Types = new()
    {
        ["bool"] = ColumnType.Boolean,
        ["boolean"] = ColumnType.Boolean,
        ["int64"] = ColumnType.Int64,
        ["int"] = ColumnType.Int64,
        ["decimal"] = ColumnType.Decimal,
        ["double"] = ColumnType.Double,
        ["date"] = ColumnType.Date,
        ["timestamp"] = ColumnType.Timestamp,
        ["string"] = ColumnType.String,
    };

    private static readonly Dictionary<string, DateOrder> DateOrders = new()
    {
        ["dmy"] = DateOrder.DayFirst,
        ["mdy"] = DateOrder.MonthFirst,
    };

    private static readonly Dictionary<string, PiiAction> PiiActions = new()
    {
        ["tokenise"] = PiiAction.Tokenise,
        ["tokenize"] = PiiAction.Tokenise,
        ["drop"] = PiiAction.Drop,
    };

    private static readonly Dictionary<string, PiiNormalise> Normalisers = new()
    {
        ["none"] = PiiNormalise.None,
        ["trim-lower"] = PiiNormalise.TrimLower,
    };

    public static SourceDefinition Read(YamlNodes y, string pipeline, string name, YamlNode keyNode, YamlNode node)
    {
        if (!Names.IsValid(name))
        {
            throw y.Error(keyNode, $"source name '{name}' is invalid: use {Names.Describe}");
        }

        var what = $"source '{name}'";
        var map = y.Mapping(node, what);
        y.OnlyKeys(map, what, ["landing", "format", "delimiter", "partition", "schema", "pii", "drift", "date_order", "max_quarantine_ratio", .. SourceModeReader.Keys, .. Quality.QualityReader.Keys]);

        var landing = y.Scalar(y.Required(map, "landing", what), $"{what}.landing").Trim().TrimStart('/');
        if (landing.Length == 0 || landing.Contains("..", StringComparison.Ordinal) || landing.Contains('\\', StringComparison.Ordinal))
        {
            throw y.Error(y.Required(map, "landing", what), $"{what}.landing must be a prefix such as 'entries/' (no '..' or '\\')");
        }

        var schema = ReadSchema(y, what, YamlNodes.Optional(map, "schema"));
        var (drift, thresholds) = DriftReader.Read(y, what, YamlNodes.Optional(map, "drift"));
        if (drift == DriftPolicy.Strict && (schema.Count == 0 || schema.Any(h => h.Type is null)))
        {
            throw y.Error(YamlNodes.Optional(map, "drift")!, $"{what} uses drift: strict, so its schema: section must list every column with a type");
        }

        var delimiter = ',';
        if (YamlNodes.Optional(map, "delimiter") is { } delimNode)
        {
            var text = y.Scalar(delimNode, $"{what}.delimiter");
            delimiter = text == "\\t" ? '\t' : text.Length == 1 ? text[0] : throw y.Error(delimNode, $"{what}.delimiter must be one character");
        }

        var declared = new SourceDefinition
        {
            Name = name,
            Pipeline = pipeline,
            LandingPrefix = landing.EndsWith('/') ? landing : landing + "/",
            Format = YamlNodes.Optional(map, "format") is { } f ? y.Enum(f, $"{what}.format", Formats) : SourceFormat.Auto,
            Delimiter = delimiter,
            Partition = ReadPartition(y, what, y.Required(map, "partition", what)),
            Schema = schema,
            Pii = ReadPii(y, what, YamlNodes.Optional(map, "pii")),
            Drift = drift,
            DriftThresholds = thresholds,
            MaxQuarantineRatio = YamlNodes.Optional(map, "max_quarantine_ratio") is { } q ? y.Number(q, $"{what}.max_quarantine_ratio", 0, 1) : 0.05,
            DateOrder = YamlNodes.Optional(map, "date_order") is { } o ? y.Enum(o, $"{what}.date_order", DateOrders) : DateOrder.DayFirst,
            Quality = Quality.QualityReader.Read(y, what, map),
            Location = y.At(keyNode),
        };

        var (mode, upsert) = SourceModeReader.Read(y, what, map, declared);
        return declared with { Mode = mode, Upsert = upsert, Schema = SourceModeReader.RequireKeyColumns(declared.Schema, upsert) };
    }

    private static PartitionKeySpec ReadPartition(YamlNodes y, string what, YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return y.Scalar(scalar, $"{what}.partition") switch
            {
                "ingest_date" => PartitionKeySpec.ForIngestDate(),
                "none" => PartitionKeySpec.Unpartitioned,
                var other => throw y.Error(node, $"{what}.partition '{other}' must be ingest_date, none, or a mapping with column and grain"),
            };
        }

        var map = y.Mapping(node, $"{what}.partition");
        y.OnlyKeys(map, $"{what}.partition", "column", "grain", "key");
        var column = y.Scalar(y.Required(map, "column", $"{what}.partition"), $"{what}.partition.column");
        var grain = YamlNodes.Optional(map, "grain") is { } g ? ReadGrain(y, g, $"{what}.partition.grain") : Grain.Day;
        var key = y.OptionalScalar(map, "key", $"{what}.partition") ?? $"{column}_{grain.ToString().ToLowerInvariant()}";
        if (!Names.IsValid(key))
        {
            throw y.Error(map, $"{what}.partition.key '{key}' is invalid: use {Names.Describe}");
        }

        return new PartitionKeySpec(key, column, grain, IngestDate: false);
    }

    internal static Grain ReadGrain(YamlNodes y, YamlNode node, string what) => y.Enum(node, what, new Dictionary<string, Grain>
    {
        ["hour"] = Grain.Hour,
        ["day"] = Grain.Day,
        ["month"] = Grain.Month,
    });

    private static List<ColumnHint> ReadSchema(YamlNodes y, string what, YamlNode? node)
    {
        var hints = new List<ColumnHint>();
        if (node is null)
        {
            return hints;
        }

        foreach (var (column, _, value) in y.Entries(y.Mapping(node, $"{what}.schema"), $"{what}.schema"))
        {
            var at = $"{what}.schema.{column}";
            if (value is YamlScalarNode)
            {
                hints.Add(new ColumnHint(column, y.Enum(value, at, Types), Required: false));
                continue;
            }

            var map = y.Mapping(value, at);
            y.OnlyKeys(map, at, "type", "required", "format");
            var type = YamlNodes.Optional(map, "type") is { } t ? y.Enum(t, $"{at}.type", Types) : (ColumnType?)null;
            var format = YamlNodes.Optional(map, "format") is { } f ? ReadFormat(y, f, at, ref type) : null;
            hints.Add(new ColumnHint(column, type, YamlNodes.Optional(map, "required") is { } r && y.Bool(r, $"{at}.required")) { Format = format });
        }

        return hints;
    }

    /// <summary>A date/time format hint; it makes the column a date or timestamp (by whether the format has a time) unless typed so.</summary>
    private static string ReadFormat(YamlNodes y, YamlNode node, string at, ref ColumnType? type)
    {
        var pattern = y.Scalar(node, $"{at}.format");
        if (!Load.Temporal.TemporalFormat.TryCompile(pattern, out var format, out var error))
        {
            throw y.Error(node, $"{at}.{error}");
        }

        type ??= format!.HasTime ? ColumnType.Timestamp : ColumnType.Date;
        if (type is not (ColumnType.Date or ColumnType.Timestamp) || (type == ColumnType.Date && format!.HasTime))
        {
            throw y.Error(node, $"{at}.format '{pattern}' reads {(format!.HasTime ? "timestamps" : "dates")}, so the column's type must be {(format.HasTime ? "timestamp" : "date or timestamp")}, not {type.ToString()!.ToLowerInvariant()}");
        }

        return pattern;
    }

    private static List<PiiRule> ReadPii(YamlNodes y, string what, YamlNode? node)
    {
        var rules = new List<PiiRule>();
        if (node is null)
        {
            return rules;
        }

        foreach (var (column, _, value) in y.Entries(y.Mapping(node, $"{what}.pii"), $"{what}.pii"))
        {
            var at = $"{what}.pii.{column}";
            if (value is YamlScalarNode)
            {
                rules.Add(new PiiRule(column, y.Enum(value, at, PiiActions)));
                continue;
            }

            var map = y.Mapping(value, at);
            y.OnlyKeys(map, at, "action", "normalise");
            rules.Add(new PiiRule(
                column,
                y.Enum(y.Required(map, "action", at), $"{at}.action", PiiActions),
                YamlNodes.Optional(map, "normalise") is { } n ? y.Enum(n, $"{at}.normalise", Normalisers) : PiiNormalise.None));
        }

        return rules;
    }
}
