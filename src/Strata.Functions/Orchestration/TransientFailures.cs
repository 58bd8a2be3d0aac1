using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Strata.Workflow.Local;

namespace Strata.Functions.Orchestration;

/// <summary>
/// Which activity failures Durable retries: those the local host retries (<see cref="TransientErrors"/>).
/// An orchestrator sees only the failure's details, not the exception (a storage error's status code
/// does not survive), so the worker classifies the exception where it is thrown and records the
/// answer as a failure property, which the retry policy reads. A user error never reaches this: the
/// activities return it as a Failed result.
/// </summary>
public sealed class TransientFailures : IExceptionPropertiesProvider
{
    /// <summary>The failure property that says whether the exception was transient.</summary>
    public const string Property = "strata.transient";

    public IDictionary<string, object?>? GetExceptionProperties(Exception exception) =>
        exception is null ? null : new Dictionary<string, object?> { [Property] = TransientErrors.IsTransient(exception) };

    /// <summary>True when the failure, or the failure it wraps, was marked transient by the worker.</summary>
    public static bool IsTransient(TaskFailureDetails failure)
    {
        for (var current = failure; current is not null; current = current.InnerFailure)
        {
            if (current.Properties is { } properties && properties.TryGetValue(Property, out var value))
            {
                return value is true || (value is not null && bool.TryParse(value.ToString(), out var flag) && flag);
            }
        }

        return false;
    }
}
