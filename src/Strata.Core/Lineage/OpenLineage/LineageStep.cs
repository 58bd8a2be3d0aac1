namespace Strata.Lineage.OpenLineage;

/// <summary>
/// One dataset step of a run as its OpenLineage events name it: the job
/// (<c>&lt;pipeline&gt;.&lt;dataset&gt;</c>), its run and the pipeline run above it, and the lake paths it
/// reads and writes.
/// </summary>
/// <param name="JobNamespace">The namespace of Strata's jobs (<see cref="OpenLineageOptions.JobNamespace"/>).</param>
/// <param name="Pipeline">The pipeline; also the parent job's name.</param>
/// <param name="Dataset">The source (load step) or dataset (integrate or action step).</param>
/// <param name="JobType"><c>LOAD</c>, <c>INTEGRATE</c> or <c>ACTION</c>.</param>
/// <param name="Sql">The dataset's SQL; none for a load step.</param>
/// <param name="RunId">This step's OpenLineage run id (<see cref="RunIds.ForStep"/>).</param>
/// <param name="ParentRunId">The pipeline run's OpenLineage run id (<see cref="RunIds.ForRun"/>).</param>
/// <param name="DatasetNamespace">The lake's blob endpoint, the namespace of every dataset.</param>
/// <param name="Inputs">Lake paths read: <c>raw/&lt;source&gt;</c> for a load step, each input's folder otherwise.</param>
/// <param name="Output">The lake path written: <c>load/&lt;source&gt;</c>, <c>integrate/&lt;dataset&gt;</c> or <c>products/&lt;dataset&gt;</c>.</param>
public sealed record LineageStep(
    string JobNamespace,
    string Pipeline,
    string Dataset,
    string JobType,
    string? Sql,
    Guid RunId,
    Guid ParentRunId,
    string DatasetNamespace,
    IReadOnlyList<string> Inputs,
    string Output)
{
    /// <summary>The job's name.</summary>
    public string JobName => $"{Pipeline}.{Dataset}";
}
