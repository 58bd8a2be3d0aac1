using Microsoft.Azure.Functions.Worker;

namespace Strata.Functions.Tests.TestSupport;

/// <summary>
/// The one piece of a Functions invocation the HTTP functions' request objects need: the function
/// context, here holding only the services (the JSON serializer is passed explicitly by the app).
/// Anything else the Functions host would provide is not available outside it and says so.
/// </summary>
internal sealed class InvocationContext(IServiceProvider services, string function) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId => function;

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override TraceContext TraceContext => throw NotHosted();

    public override BindingContext BindingContext => throw NotHosted();

    public override RetryContext RetryContext => throw NotHosted();

    public override FunctionDefinition FunctionDefinition => throw NotHosted();

    public override IInvocationFeatures Features => throw NotHosted();

    private NotSupportedException NotHosted() => new($"{function}: only the Functions host provides this; the test host passes services only");
}
