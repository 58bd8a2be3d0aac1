using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Definitions;
using YamlDotNet.RepresentationModel;

namespace Strata.Quality;

/// <summary>
/// Reads the <c>expectations:</c> and <c>checks:</c> lists of a source or dataset. Every problem
/// names the file and line, like the rest of <c>pipeline.yaml</c>.
/// </summary>
internal static partial class QualityReader
{
    /// <summary>The keys this reader owns in a source or dataset mapping.</summary>
    public static readonly string[] Keys = ["expectations", "checks"];

    private static readonly string[] CheckKinds = ["row_count", "unique", "not_null", "accepted_values", "freshness", "sql"];

    private static readonly Dictionary<string, ExpectationAction> Actions = new()
    {
        ["warn"] = ExpectationAction.Warn,
        ["quarantine"] = ExpectationAction.Quarantine,
        ["fail"] = ExpectationAction.Fail,
    };

    private static readonly Dictionary<string, CheckSeverity> Severities = new()
    {
        ["warn"] = CheckSeverity.Warn,
        ["error"] = CheckSeverity.Error,
    };

    public static QualityRules Read(YamlNodes y, string what, YamlMappingNode map)
    {
        var expectations = YamlNodes.Optional(map, "expectations") is { } e ? ReadExpectations(y, what, e) : [];
        var checks = YamlNodes.Optional(map, "checks") is { } c ? ReadChecks(y, what, c) : [];
        return expectations.Count == 0 && checks.Count == 0 ? QualityRules.Empty : new QualityRules(expectations, checks);
    }

    private static List<ExpectationDefinition> ReadExpectations(YamlNodes y, string what, YamlNode node)
    {
        var list = new List<ExpectationDefinition>();
        var items = y.Sequence(node, $"{what}.expectations");
        Bound(y, node, $"{what}.expectations", items.Count);
        foreach (var item in items)
        {
            var at = $"{what}.expectations[{list.Count}]";
            var map = y.Mapping(item, at);
            y.OnlyKeys(map, at, "name", "sql", "action");
            var name = ReadName(y, y.Required(map, "name", at), at, list.Select(x => x.Name));
            var sql = y.Scalar(y.Required(map, "sql", at), $"{at}.sql").Trim();
            if (sql.Length == 0 || sql.Contains(';', StringComparison.Ordinal))
            {
                throw y.Error(y.Required(map, "sql", at), $"{at}.sql must be one boolean SQL expression over a row (no ';')");
            }

            var action = YamlNodes.Optional(map, "action") is { } a ? y.Enum(a, $"{at}.action", Actions) : ExpectationAction.Warn;
            list.Add(new ExpectationDefinition(name, sql, action) { Location = y.At(item) });
        }

        return list;
    }

    private static List<CheckDefinition> ReadChecks(YamlNodes y, string what, YamlNode node)
    {
        var list = new List<CheckDefinition>();
        var items = y.Sequence(node, $"{what}.checks");
        Bound(y, node, $"{what}.checks", items.Count);
        foreach (var item in items)
        {
            var at = $"{what}.checks[{list.Count}]";
            var map = y.Mapping(item, at);
            y.OnlyKeys(map, at, ["name", "severity", .. CheckKinds]);
            var kinds = CheckKinds.Where(k => YamlNodes.Optional(map, k) is not null).ToList();
            if (kinds.Count != 1)
            {
                throw y.Error(item, $"{at} must have exactly one of: {string.Join(", ", CheckKinds)}");
            }

            var check = ReadKind(y, at, kinds[0], YamlNodes.Optional(map, kinds[0])!) with { Location = y.At(item) };
            var name = YamlNodes.Optional(map, "name") is { } n ? ReadName(y, n, at, list.Select(x => x.Name)) : check.Name;
            if (!Names.IsValid(name))
            {
                throw y.Error(item, $"{at} needs a name: key ({(name.Length == 0 ? "a sql check has no default name" : $"its default name '{name}' is not {Names.Describe}")})");
            }

            if (list.Any(x => x.Name == name))
            {
                throw y.Error(item, $"{at}: a check named '{name}' is already declared; give this one a name: key");
            }

            var severity = YamlNodes.Optional(map, "severity") is { } s ? y.Enum(s, $"{at}.severity", Severities) : CheckSeverity.Error;
            list.Add(check with { Name = name, Severity = severity });
        }

        return list;
    }

    private static CheckDefinition ReadKind(YamlNodes y, string at, string kind, YamlNode node)
    {
        switch (kind)
        {
            case "row_count":
            {
                var map = y.Mapping(node, $"{at}.row_count");
                y.OnlyKeys(map, $"{at}.row_count", "min", "max");
                var min = ReadCount(y, map, "min", at);
                var max = ReadCount(y, map, "max", at);
                if ((min is null && max is null) || min > max)
                {
                    throw y.Error(node, $"{at}.row_count needs min, max or both, with min <= max");
                }

                return new CheckDefinition { Name = "row_count", Kind = CheckKind.RowCount, Min = min, Max = max };
            }

            case "unique":
            case "not_null":
            {
                var columns = (node is YamlScalarNode ? [node] : y.Sequence(node, $"{at}.{kind}")).Select(c => y.Scalar(c, $"{at}.{kind}")).ToList();
                if (columns.Count == 0)
                {
                    throw y.Error(node, $"{at}.{kind} needs at least one column");
                }

                return new CheckDefinition { Name = $"{kind}_{string.Join('_', columns)}", Kind = kind == "unique" ? CheckKind.Unique : CheckKind.NotNull, Columns = columns };
            }

            case "accepted_values":
            {
                var map = y.Mapping(node, $"{at}.accepted_values");
                y.OnlyKeys(map, $"{at}.accepted_values", "column", "values");
                var column = y.Scalar(y.Required(map, "column", $"{at}.accepted_values"), $"{at}.accepted_values.column");
                var values = y.Sequence(y.Required(map, "values", $"{at}.accepted_values"), $"{at}.accepted_values.values").Select(v => y.Scalar(v, $"{at}.accepted_values.values")).ToList();
                if (values.Count == 0)
                {
                    throw y.Error(map, $"{at}.accepted_values.values needs at least one value");
                }

                return new CheckDefinition { Name = $"accepted_values_{column}", Kind = CheckKind.AcceptedValues, Columns = [column], Values = values };
            }

            case "freshness":
            {
                var map = y.Mapping(node, $"{at}.freshness");
                y.OnlyKeys(map, $"{at}.freshness", "column", "max_age");
                var column = y.Scalar(y.Required(map, "column", $"{at}.freshness"), $"{at}.freshness.column");
                var ageNode = y.Required(map, "max_age", $"{at}.freshness");
                var age = ParseAge(y.Scalar(ageNode, $"{at}.freshness.max_age")) ?? throw y.Error(ageNode, $"{at}.freshness.max_age must be a whole number of minutes, hours or days, such as 90m, 36h or 2d");
                return new CheckDefinition { Name = $"freshness_{column}", Kind = CheckKind.Freshness, Columns = [column], MaxAge = age };
            }

            default:
            {
                var sql = y.Scalar(node, $"{at}.sql").Trim().TrimEnd(';').Trim();
                if (sql.Length == 0)
                {
                    throw y.Error(node, $"{at}.sql must be a SELECT that returns the offending rows");
                }

                return new CheckDefinition { Name = "", Kind = CheckKind.Custom, Sql = sql };
            }
        }
    }

    /// <summary>Reads a name: valid, and unique among <paramref name="taken"/>.</summary>
    private static string ReadName(YamlNodes y, YamlNode node, string at, IEnumerable<string> taken)
    {
        var name = y.Scalar(node, $"{at}.name");
        if (!Names.IsValid(name))
        {
            throw y.Error(node, $"{at}.name '{name}' is invalid: use {Names.Describe}");
        }

        return taken.Contains(name, StringComparer.Ordinal) ? throw y.Error(node, $"{at}.name '{name}' is already declared here; names must be unique") : name;
    }

    private static long? ReadCount(YamlNodes y, YamlMappingNode map, string key, string at)
    {
        if (YamlNodes.Optional(map, key) is not { } node)
        {
            return null;
        }

        return long.TryParse(y.Scalar(node, $"{at}.row_count.{key}"), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw y.Error(node, $"{at}.row_count.{key} must be a whole number of rows, 0 or more");
    }

    private static void Bound(YamlNodes y, YamlNode node, string at, int count)
    {
        if (count > QualityRules.MaxPerKind)
        {
            throw y.Error(node, $"{at} lists {count}; at most {QualityRules.MaxPerKind} are allowed (their results are stored per partition in one table row)");
        }
    }

    /// <summary><c>90m</c>, <c>36h</c>, <c>2d</c>; null when it is none of these.</summary>
    internal static TimeSpan? ParseAge(string text)
    {
        var m = AgePattern().Match(text.Trim());
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        return m.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
    }

    [GeneratedRegex("^([0-9]{1,6})([mhd])$")]
    private static partial Regex AgePattern();
}
