namespace Strata.Workflow.Local;

/// <summary>Runtime states, named as Durable Functions names them so both hosts answer alike.</summary>
public enum InstanceStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}

/// <summary>The in-memory status of one workflow instance in the local host.</summary>
public sealed record LocalInstance(
    string InstanceId,
    string Name,
    InstanceStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    object? CustomStatus,
    object? Output,
    string? Error);
