namespace Strata.Security;

/// <summary>The PII key is missing or malformed; the message says which setting to fix.</summary>
public sealed class PiiKeyException : Exception
{
    public PiiKeyException(string message) : base(message)
    {
    }

    public PiiKeyException(string message, Exception inner) : base(message, inner)
    {
    }

    public PiiKeyException() : base("PII key problem")
    {
    }
}
