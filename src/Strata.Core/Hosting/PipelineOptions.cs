namespace Strata.Hosting;

/// <summary>Where pipeline definitions live. Bound from <c>Strata:Pipelines</c>.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Strata:Pipelines";

    /// <summary>The folder holding one sub-folder per pipeline. Default <c>pipelines</c>, relative to the working directory (the Functions app ships it next to its binaries).</summary>
    public string Folder { get; set; } = "pipelines";
}
