using YamlDotNet.RepresentationModel;

namespace Strata.Definitions;

/// <summary>
/// Reads a source's <c>drift:</c>. A scalar is the schema policy as it always was
/// (<c>drift: strict</c>); a mapping adds the semantic-drift thresholds beside it:
/// <c>drift: { schema: evolve, window: 14, min_history: 5, volume_ratio: 3, volume_z: 3.5,
/// null_rate_jump: 0.2, range_tolerance: 0.1, detect: true }</c>.
/// </summary>
internal static class DriftReader
{
    private static readonly Dictionary<string, DriftPolicy> Policies = new()
    {
        ["evolve"] = DriftPolicy.Evolve,
        ["strict"] = DriftPolicy.Strict,
    };

    public static (DriftPolicy Policy, DriftThresholds Thresholds) Read(YamlNodes y, string what, YamlNode? node)
    {
        if (node is null)
        {
            return (DriftPolicy.Evolve, DriftThresholds.Default);
        }

        if (node is YamlScalarNode)
        {
            return (y.Enum(node, $"{what}.drift", Policies), DriftThresholds.Default);
        }

        var at = $"{what}.drift";
        var map = y.Mapping(node, at);
        y.OnlyKeys(map, at, "schema", "detect", "window", "min_history", "volume_ratio", "volume_z", "null_rate_jump", "range_tolerance");
        var d = DriftThresholds.Default;
        var thresholds = new DriftThresholds
        {
            Detect = YamlNodes.Optional(map, "detect") is { } detect ? y.Bool(detect, $"{at}.detect") : d.Detect,
            Window = YamlNodes.Optional(map, "window") is { } window ? y.PositiveInt(window, $"{at}.window") : d.Window,
            MinHistory = YamlNodes.Optional(map, "min_history") is { } min ? y.PositiveInt(min, $"{at}.min_history") : d.MinHistory,
            VolumeRatio = YamlNodes.Optional(map, "volume_ratio") is { } ratio ? y.Number(ratio, $"{at}.volume_ratio", 1, 1e9) : d.VolumeRatio,
            VolumeZ = YamlNodes.Optional(map, "volume_z") is { } z ? y.Number(z, $"{at}.volume_z", 0, 1e9) : d.VolumeZ,
            NullRateJump = YamlNodes.Optional(map, "null_rate_jump") is { } jump ? y.Number(jump, $"{at}.null_rate_jump", 0, 1) : d.NullRateJump,
            RangeTolerance = YamlNodes.Optional(map, "range_tolerance") is { } tolerance ? y.Number(tolerance, $"{at}.range_tolerance", 0, 1e9) : d.RangeTolerance,
        };
        if (thresholds.MinHistory > thresholds.Window)
        {
            throw y.Error(map, $"{at}.min_history ({thresholds.MinHistory}) cannot exceed {at}.window ({thresholds.Window}): there would never be enough history");
        }

        var policy = YamlNodes.Optional(map, "schema") is { } schema ? y.Enum(schema, $"{at}.schema", Policies) : DriftPolicy.Evolve;
        return (policy, thresholds);
    }
}
