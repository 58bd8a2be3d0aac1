using Azure;
using Microsoft.DurableTask;
using Strata.Functions.Orchestration;

namespace Strata.Functions.Tests.Orchestration;

/// <summary>Durable retries exactly what the local host retries: the worker marks a failure transient where the exception is thrown.</summary>
public sealed class TransientFailuresTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new RequestFailedException(503, "server busy"), true },
        { new RequestFailedException(429, "throttled"), true },
        { new HttpRequestException("connection reset"), true },
        { new RequestFailedException(404, "blob not found"), false },
        { new RequestFailedException(403, "not authorised"), false },
        { new InvalidOperationException("no source named 'x'"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void ActivityFailure_IsRetried_OnlyWhenTheLocalHostWouldRetryIt(Exception thrown, bool retried)
    {
        var properties = new TransientFailures().GetExceptionProperties(thrown);
        var failure = new TaskFailureDetails(thrown.GetType().FullName!, thrown.Message, null, null, properties);
        var wrapped = new TaskFailureDetails("Microsoft.DurableTask.TaskFailedException", "activity failed", null, failure, null);

        Assert.Equal(retried, TransientFailures.IsTransient(failure));
        Assert.Equal(retried, TransientFailures.IsTransient(wrapped));
        Assert.Equal(retried, Strata.Workflow.Local.TransientErrors.IsTransient(thrown));
    }
}
