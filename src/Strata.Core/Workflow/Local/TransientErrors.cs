using Azure;

namespace Strata.Workflow.Local;

/// <summary>The errors worth retrying: storage throttling, timeouts, server errors and dropped connections. Everything else fails at once.</summary>
public static class TransientErrors
{
    public static bool IsTransient(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or 500 or 502 or 503 or 504,
        HttpRequestException or TimeoutException or IOException => true,
        AggregateException a => a.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
