namespace Strata.Workflow.Local;

/// <summary>An activity failed after its retries; the message names the activity and the cause (as Durable's TaskFailedException does).</summary>
public sealed class ActivityFailedException : Exception
{
    public ActivityFailedException(string activity, Exception inner)
        : base($"activity {activity} failed: {inner?.Message}", inner)
    {
        Activity = activity;
    }

    public ActivityFailedException() : base("activity failed")
    {
        Activity = "";
    }

    public ActivityFailedException(string message) : base(message)
    {
        Activity = "";
    }

    public string Activity { get; }
}
