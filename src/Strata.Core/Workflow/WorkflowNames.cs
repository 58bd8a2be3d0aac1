namespace Strata.Workflow;

/// <summary>Names of the workflows and activities; both hosts register exactly these.</summary>
public static class WorkflowNames
{
    /// <summary>The orchestrator: one pipeline run.</summary>
    public const string RunPipeline = nameof(RunPipeline);

    /// <summary>The sub-orchestrator that builds one batch of partitions.</summary>
    public const string BuildBatch = nameof(BuildBatch);

    /// <summary>The sub-orchestrator that parses one batch of raw blobs.</summary>
    public const string ParseBatch = nameof(ParseBatch);

    public const string StartRun = nameof(StartRun);
    public const string SweepLanding = nameof(SweepLanding);
    public const string PlanParse = nameof(PlanParse);
    public const string ParseRawBlob = nameof(ParseRawBlob);
    public const string PlanLoad = nameof(PlanLoad);
    public const string BuildLoadPartition = nameof(BuildLoadPartition);
    public const string PlanDataset = nameof(PlanDataset);
    public const string BuildDatasetPartition = nameof(BuildDatasetPartition);
    public const string CheckDataset = nameof(CheckDataset);

    /// <summary>Builds many load partitions of one source in one call.</summary>
    public const string BuildLoadPartitions = nameof(BuildLoadPartitions);

    /// <summary>Builds many partitions of one integrate or action dataset in one call.</summary>
    public const string BuildDatasetPartitions = nameof(BuildDatasetPartitions);

    /// <summary>The activity that builds many partitions at once for a one-partition build activity.</summary>
    public static string ManyOf(string activity) => activity switch
    {
        BuildLoadPartition => BuildLoadPartitions,
        BuildDatasetPartition => BuildDatasetPartitions,
        _ => throw new ArgumentException($"no many-partition activity for '{activity}'", nameof(activity)),
    };
    public const string CompleteDataset = nameof(CompleteDataset);
    public const string AssessQuality = nameof(AssessQuality);
    public const string CompleteRun = nameof(CompleteRun);
}
