namespace Strata.Quality;

/// <summary>A quality request cannot be done as asked (an unknown check, nothing to accept); the message says what and what to do.</summary>
public sealed class QualityException : Exception
{
    public QualityException()
    {
    }

    public QualityException(string message) : base(message)
    {
    }

    public QualityException(string message, Exception inner) : base(message, inner)
    {
    }
}
