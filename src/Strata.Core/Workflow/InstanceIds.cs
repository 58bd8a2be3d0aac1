namespace Strata.Workflow;

/// <summary>
/// Workflow instance ids. One fixed id per pipeline is what makes runs of a pipeline never
/// overlap in either host: a second start finds the instance running and marks the pipeline
/// dirty instead.
/// </summary>
public static class InstanceIds
{
    private const string Prefix = "pipeline-";

    public static string ForPipeline(string pipeline) => Prefix + pipeline;

    /// <summary>The pipeline an instance id belongs to, or null when it is not a pipeline instance.</summary>
    public static string? PipelineOf(string instanceId) =>
        instanceId is not null && instanceId.StartsWith(Prefix, StringComparison.Ordinal) ? instanceId[Prefix.Length..] : null;
}
