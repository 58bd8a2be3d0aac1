namespace Strata.Land;

/// <summary>A landing name that cannot be landed: it climbs out of the landing container, names a folder, or holds characters storage rejects.</summary>
public sealed class LandingNameException : Exception
{
    public LandingNameException(string name, string problem)
        : base($"landing name '{name}' {problem}")
    {
        Name = name;
    }

    public LandingNameException() : base("invalid landing name")
    {
        Name = "";
    }

    public LandingNameException(string message) : base(message)
    {
        Name = "";
    }

    public LandingNameException(string message, Exception inner) : base(message, inner)
    {
        Name = "";
    }

    /// <summary>The name as given (unescaped).</summary>
    public string Name { get; }
}
