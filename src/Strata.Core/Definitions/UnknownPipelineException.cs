namespace Strata.Definitions;

/// <summary>A pipeline name that no definition declares.</summary>
public sealed class UnknownPipelineException : Exception
{
    public UnknownPipelineException(string name, IEnumerable<string> known)
        : base($"no pipeline named '{name}'; known pipelines: {string.Join(", ", known)}")
    {
        Pipeline = name;
    }

    public UnknownPipelineException() : base("unknown pipeline")
    {
        Pipeline = "";
    }

    public UnknownPipelineException(string message) : base(message)
    {
        Pipeline = "";
    }

    public UnknownPipelineException(string message, Exception inner) : base(message, inner)
    {
        Pipeline = "";
    }

    public string Pipeline { get; }
}
