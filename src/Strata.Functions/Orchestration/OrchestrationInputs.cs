using Microsoft.DurableTask;

namespace Strata.Functions.Orchestration;

/// <summary>An orchestrator's input, or an error naming the orchestrator and the input it expected.</summary>
internal static class OrchestrationInputs
{
    public static T Get<T>(TaskOrchestrationContext context, string orchestrator)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetInput<T>() ?? throw new InvalidOperationException($"{orchestrator} was started without a {typeof(T).Name} input");
    }
}
