using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Strata.Functions.TestWorker;

/// <summary>
/// Registers a Functions app's Durable functions with a plain worker's registry, as the Functions
/// extension does from its generated metadata: every <c>[Function]</c> method whose first parameter
/// is an <c>[OrchestrationTrigger]</c> is an orchestrator, every one taking an <c>[ActivityTrigger]</c>
/// an activity, under the function's name. The methods are the app's own, called as the host would.
/// </summary>
public static class FunctionTasks
{
    /// <param name="registry">The worker's registry.</param>
    /// <param name="assembly">The Functions app.</param>
    /// <param name="json">The app's JSON options, for orchestrator inputs.</param>
    /// <param name="onRun">Told <c>orchestrator &lt;name&gt;</c> or <c>activity &lt;name&gt;</c> as each episode or activity starts on this worker.</param>
    public static DurableTaskRegistry AddFunctions(this DurableTaskRegistry registry, Assembly assembly, JsonSerializerOptions json, Action<string>? onRun = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function || method.GetParameters() is not [var trigger, ..])
            {
                continue;
            }

            if (trigger.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
            {
                // Orchestrators are static: they keep no state between replays, and the plain registry builds them without services.
                if (!method.IsStatic)
                {
                    throw new InvalidOperationException($"orchestrator {function.Name} ({method.DeclaringType?.Name}.{method.Name}) must be static");
                }

                registry.AddOrchestrator(function.Name, () => new Orchestrator(method, json, onRun));
            }
            else if (trigger.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
            {
                registry.AddActivity(function.Name, services => new Activity(method, services, onRun));
            }
        }

        return registry;
    }

    private static async Task<object?> InvokeAsync(MethodInfo method, object? target, object?[] arguments)
    {
        Task task;
        try
        {
            task = (Task)method.Invoke(target, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        await task;
        return task.GetType().GetProperty(nameof(Task<object>.Result))?.GetValue(task);
    }

    private static Type ResultType(MethodInfo method) =>
        method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : typeof(object);

    private sealed class Orchestrator(MethodInfo method, JsonSerializerOptions json, Action<string>? onRun) : ITaskOrchestrator
    {
        public Type InputType => typeof(object);

        public Type OutputType => ResultType(method);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            onRun?.Invoke($"orchestrator {context.Name}");
            return InvokeAsync(method, null, [new ConvertingOrchestrationContext(context, json, NullLoggerFactory.Instance)]);
        }
    }

    private sealed class Activity(MethodInfo method, IServiceProvider services, Action<string>? onRun) : ITaskActivity
    {
        public Type InputType => method.GetParameters()[0].ParameterType;

        public Type OutputType => ResultType(method);

        public Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            onRun?.Invoke($"activity {context.Name}");
            var target = method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(services, method.DeclaringType!);
            var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : input).ToArray();
            return InvokeAsync(method, target, arguments);
        }
    }
}
