using System.Reflection;

namespace Strata.Lineage.OpenLineage;

/// <summary>
/// The OpenLineage versions Strata writes, in one place: the core event schema and the schema URL
/// of each facet (facets are versioned on their own). The tests hold the same versions, written
/// down from the public spec, and validate every event against them.
/// </summary>
public static class OpenLineageSpec
{
    /// <summary>The core RunEvent schema (spec 2-0-2).</summary>
    public const string RunEvent = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

    public const string SchemaFacet = "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet";

    public const string OutputStatisticsFacet = "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet";

    public const string DataQualityAssertionsFacet = "https://openlineage.io/spec/facets/1-1-0/DataQualityAssertionsDatasetFacet.json#/$defs/DataQualityAssertionsDatasetFacet";

    public const string ErrorMessageFacet = "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet";

    public const string ParentRunFacet = "https://openlineage.io/spec/facets/1-1-0/ParentRunFacet.json#/$defs/ParentRunFacet";

    public const string JobTypeFacet = "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";

    public const string SqlFacet = "https://openlineage.io/spec/facets/1-1-0/SQLJobFacet.json#/$defs/SQLJobFacet";

    /// <summary>
    /// The <c>producer</c> and <c>_producer</c> of every event and facet: a URN naming Strata and the
    /// engine's build (its informational version, which carries the commit when built from git).
    /// A URN, because a deployment's repository URL is not known to the engine.
    /// </summary>
    public static string Producer { get; } = "urn:strata:" +
        (typeof(OpenLineageSpec).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev");
}
