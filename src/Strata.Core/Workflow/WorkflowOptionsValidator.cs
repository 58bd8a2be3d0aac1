using Microsoft.Extensions.Options;

namespace Strata.Workflow;

/// <summary>
/// Checks <see cref="WorkflowOptions"/> when the host starts, so a bad setting stops the host with
/// a message naming it, instead of failing every run (Durable rejects a retry policy with a
/// non-positive count or interval, or a maximum below the first interval, when the orchestrator builds it).
/// </summary>
public sealed class WorkflowOptionsValidator : IValidateOptions<WorkflowOptions>
{
    private const string Prefix = "Strata__Workflow__";

    public ValidateOptionsResult Validate(string? name, WorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.BatchSize < 1)
        {
            errors.Add($"{Prefix}{nameof(options.BatchSize)} is {options.BatchSize}: it must be 1 or more (default 500)");
        }

        if (options.PartitionsPerActivity is < 1 or > 1000)
        {
            errors.Add($"{Prefix}{nameof(options.PartitionsPerActivity)} is {options.PartitionsPerActivity}: it must be between 1 and 1000 (1 = one activity per partition; default 100)");
        }

        if (options.LocalParallelism < 1)
        {
            errors.Add($"{Prefix}{nameof(options.LocalParallelism)} is {options.LocalParallelism}: it must be 1 or more (default: the processor count)");
        }

        if (options.MaxAttempts < 1)
        {
            errors.Add($"{Prefix}{nameof(options.MaxAttempts)} is {options.MaxAttempts}: it must be 1 or more (1 = no retry; default 4)");
        }

        if (options.FirstRetryInterval <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}{nameof(options.FirstRetryInterval)} is {options.FirstRetryInterval}: it must be positive (default 00:00:01)");
        }

        if (options.MaxRetryInterval < options.FirstRetryInterval)
        {
            errors.Add($"{Prefix}{nameof(options.MaxRetryInterval)} is {options.MaxRetryInterval}: it must not be below {Prefix}{nameof(options.FirstRetryInterval)} ({options.FirstRetryInterval}; default 00:00:30)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
