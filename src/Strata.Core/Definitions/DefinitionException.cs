namespace Strata.Definitions;

/// <summary>A pipeline definition is invalid. The message names the file, line and what is wrong.</summary>
public sealed class DefinitionException : Exception
{
    public DefinitionException(SourceLocation location, string problem)
        : base(location.Line > 0 ? $"{location}: {problem}" : $"{location.File}: {problem}")
    {
        Location = location;
        Problem = problem;
    }

    public DefinitionException(string message) : base(message)
    {
        Location = SourceLocation.None;
        Problem = message;
    }

    public DefinitionException(string message, Exception inner) : base(message, inner)
    {
        Location = SourceLocation.None;
        Problem = message;
    }

    public DefinitionException() : this("invalid pipeline definition")
    {
    }

    public SourceLocation Location { get; }

    public string Problem { get; }
}
